package dev.orderchainer.delivery.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderchainer.discord.domain.DiscordMessage;
import dev.orderchainer.discord.domain.LinkButton;
import dev.orderchainer.discord.domain.Webhook;
import dev.orderchainer.orders.events.OrderEvent;
import java.util.List;
import java.util.function.Supplier;

/**
 * A change as one webhook posts it: its template's embed, or the standard one without a template, and the order's
 * link button. The sender and the preview endpoint both use it, so a preview is what would be posted.
 */
public final class ChangeMessages {
    private final EmbedRenderer standard;
    private final TemplatedEmbedRenderer templated;

    public ChangeMessages(EmbedRenderer standard, TemplatedEmbedRenderer templated) {
        this.standard = standard;
        this.templated = templated;
    }

    /** @param workspaceName asked only when the webhook has a template */
    public ObjectNode embed(Webhook webhook, OrderEvent event, Supplier<String> workspaceName) {
        return webhook.template() == null ? standard.render(event) : templated.render(event, webhook.template(), workspaceName.get());
    }

    /** The changes' buttons, one per order that still exists; one change alone gets the plain "Open order". */
    public List<LinkButton> buttons(List<OrderEvent> events) {
        return events.stream().flatMap(e -> standard.button(e, events.size() == 1).stream()).toList();
    }

    /** The message one change alone makes. */
    public String single(Webhook webhook, OrderEvent event, String workspaceName) {
        return DiscordMessage.of(webhook, List.of(embed(webhook, event, () -> workspaceName)), buttons(List.of(event)));
    }
}
