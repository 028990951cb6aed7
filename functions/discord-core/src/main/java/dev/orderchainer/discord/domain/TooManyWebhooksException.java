package dev.orderchainer.discord.domain;

import dev.orderchainer.common.domain.LimitExceededException;
import java.util.Map;

/** A workspace has at most {@link Webhook#MAX_PER_WORKSPACE} webhooks. */
public final class TooManyWebhooksException extends LimitExceededException {
    public TooManyWebhooksException() {
        super("A workspace has at most " + Webhook.MAX_PER_WORKSPACE + " Discord webhooks; remove one first",
                Map.of("max_webhooks", Webhook.MAX_PER_WORKSPACE));
    }
}
