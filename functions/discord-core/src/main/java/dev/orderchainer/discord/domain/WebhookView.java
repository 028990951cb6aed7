package dev.orderchainer.discord.domain;

import dev.orderchainer.discord.template.MessageTemplate;
import java.util.EnumSet;
import java.util.List;

/**
 * A webhook as the API shows it: the token masked, the filter as event names in a fixed order and (for
 * {@code /api/discord}'s clients) as its six toggles, the template as saved.
 */
public record WebhookView(
        String id,
        String name,
        String webhookUrl,
        String webhookId,
        String username,
        String avatarUrl,
        String threadId,
        List<String> events,
        String assignee,
        WebhookRequest.Template template,
        Notifications notifications,
        boolean enabled,
        String disabledReason,
        String createdAt,
        String updatedAt) {

    public static WebhookView of(Webhook webhook) {
        MessageTemplate template = webhook.template();
        List<String> events = (webhook.events().isEmpty() ? EnumSet.noneOf(WebhookEvent.class) : EnumSet.copyOf(webhook.events()))
                .stream().map(WebhookEvent::wire).toList();
        return new WebhookView(webhook.id(), webhook.name(), webhook.url().masked(), webhook.url().id(), webhook.username(),
                webhook.avatarUrl(), webhook.threadId(), events, webhook.assignee(),
                template == null ? null : new WebhookRequest.Template(template.titleSource(), template.descriptionSource(),
                        template.footerSource()),
                Notifications.of(webhook.events()), webhook.enabled(), webhook.disabledReason(),
                webhook.createdAt().toString(), webhook.updatedAt().toString());
    }
}
