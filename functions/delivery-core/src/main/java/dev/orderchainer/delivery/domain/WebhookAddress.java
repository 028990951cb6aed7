package dev.orderchainer.delivery.domain;

import dev.orderchainer.discord.domain.Webhook;

/** Which webhook an outbox, a lease and a nudge belong to: each webhook is drained on its own. */
public record WebhookAddress(String workspaceId, String webhookId) {
    public static WebhookAddress of(Webhook webhook) {
        return new WebhookAddress(webhook.workspaceId(), webhook.id());
    }
}
