package dev.orderchainer.delivery.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderchainer.common.json.Json;
import dev.orderchainer.discord.template.MessageTemplate;
import dev.orderchainer.discord.template.Placeholder;
import dev.orderchainer.discord.template.RenderedTemplate;
import dev.orderchainer.discord.template.TemplateValues;
import dev.orderchainer.orders.domain.OrderStatus;
import dev.orderchainer.orders.domain.StatusPalette;
import dev.orderchainer.orders.events.OrderEvent;
import java.util.function.Supplier;

/**
 * A change's embed as a webhook's template words it: the template's title, description and footer (left out where
 * they come out empty), with what every embed has whatever the template: the status colour, the link to the order
 * (not for a deleted one) and the time of the change. The preview endpoint and the sender use the same renderer, so
 * a preview is exactly what would be posted.
 */
public final class TemplatedEmbedRenderer {
    private final Supplier<String> orderUrlTemplate;

    /** @param orderUrlTemplate as for {@link EmbedRenderer}: an order's link with "{id}", asked for each embed */
    public TemplatedEmbedRenderer(Supplier<String> orderUrlTemplate) {
        this.orderUrlTemplate = orderUrlTemplate;
    }

    /** @param workspaceName the name {@code {workspace}} shows (the caller knows it; events carry only the id) */
    public ObjectNode render(OrderEvent event, MessageTemplate template, String workspaceName) {
        String url = event.type() == OrderEvent.Type.DELETED ? null : EmbedRenderer.orderUrl(orderUrlTemplate.get(), event);
        RenderedTemplate text = template.render(values(event, url, workspaceName));
        ObjectNode embed = Json.mapper().createObjectNode();
        putIfAny(embed, "title", text.title());
        putIfAny(embed, "description", text.description());
        embed.put("color", StatusPalette.rgb(event.type() == OrderEvent.Type.DELETED ? null : event.newStatus()));
        if (url != null) {
            embed.put("url", url);
        }
        embed.put("timestamp", event.occurredAt());
        if (!text.footer().isEmpty()) {
            embed.putObject("footer").put("text", text.footer());
        }
        return embed;
    }

    /** Each placeholder's value for this change; what the change does not have renders as nothing. */
    static TemplateValues values(OrderEvent event, String url, String workspaceName) {
        OrderStatus status = event.type() == OrderEvent.Type.DELETED ? event.oldStatus() : event.newStatus();
        return new TemplateValues()
                .with(Placeholder.ORDER_TITLE, event.title())
                .with(Placeholder.ORDER_ID, event.orderId())
                .with(Placeholder.ORDER_URL, url)
                .with(Placeholder.ORDER_STATUS, status == null ? null : status.wire())
                .with(Placeholder.ORDER_OLD_STATUS, event.oldStatus() == null ? null : event.oldStatus().wire())
                .with(Placeholder.ORDER_DESCRIPTION, event.description())
                .with(Placeholder.ORDER_ASSIGNEE, event.assignee() == null ? null : event.assignee().username())
                .with(Placeholder.ACTOR, event.actor() == null ? null : event.actor().username())
                .with(Placeholder.WORKSPACE, workspaceName)
                .with(Placeholder.EVENT, ChangeKinds.of(event).wire())
                .with(Placeholder.CHANGED, event.changedFields() == null ? null : String.join(", ", event.changedFields()));
    }

    private static void putIfAny(ObjectNode embed, String field, String text) {
        if (!text.isEmpty()) {
            embed.put(field, text);
        }
    }
}
