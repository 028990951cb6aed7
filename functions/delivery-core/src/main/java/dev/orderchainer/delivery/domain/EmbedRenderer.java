package dev.orderchainer.delivery.domain;

import static dev.orderchainer.discord.domain.DiscordLimits.truncate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderchainer.common.json.Json;
import dev.orderchainer.common.table.TableKeys;
import dev.orderchainer.discord.domain.DiscordLimits;
import dev.orderchainer.discord.domain.LinkButton;
import dev.orderchainer.orders.domain.OrderStatus;
import dev.orderchainer.orders.domain.StatusPalette;
import dev.orderchainer.orders.events.OrderEvent;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A Discord embed per order event: title by what happened, the order's description, colour by
 * status (pending grey, active blue, completed green, failed red), status and dependency fields,
 * a link to the order, the event time and a footer; a team's order names in it who changed it and whom it is assigned to, as
 * plain text (a name is never a mention, and the sender posts with no mentions parsed). Every Discord limit is enforced by truncation.
 */
public final class EmbedRenderer {
    private final Supplier<String> orderUrlTemplate;

    /** @param orderUrlTemplate link for an order, "{id}" replaced by its id; blank for no link (asked for each embed: it may be read at run time) */
    public EmbedRenderer(Supplier<String> orderUrlTemplate) {
        this.orderUrlTemplate = orderUrlTemplate;
    }

    public ObjectNode render(OrderEvent event) {
        ObjectNode embed = Json.mapper().createObjectNode();
        embed.put("title", truncate(headline(event) + ": " + nullToEmpty(event.title()), DiscordLimits.EMBED_TITLE));
        if (event.description() != null && !event.description().isBlank()) {
            embed.put("description", truncate(event.description(), DiscordLimits.EMBED_DESCRIPTION));
        }
        embed.put("color", StatusPalette.rgb(event.type() == OrderEvent.Type.DELETED ? null : event.newStatus()));
        String url = orderUrl(orderUrlTemplate.get(), event);
        if (url != null && event.type() != OrderEvent.Type.DELETED) {
            embed.put("url", url);
        }
        ArrayNode fields = embed.putArray("fields");
        String status = event.type() == OrderEvent.Type.STATUS_CHANGED ? event.oldStatus() + " → " + event.newStatus()
                : wire(event.type() == OrderEvent.Type.DELETED ? event.oldStatus() : event.newStatus());
        field(fields, "Status", status, true);
        if (event.type() == OrderEvent.Type.UPDATED
                || event.type() == OrderEvent.Type.STATUS_CHANGED && event.changedFields().size() > 1) {
            field(fields, "Changed", String.join(", ", event.changedFields()), true);
        }
        if (event.cause() != null) {
            field(fields, event.type() == OrderEvent.Type.BLOCKED ? "Failed dependency" : "Completed dependency", event.cause(), true);
        }
        field(fields, "Dependencies (" + event.dependencies().size() + ")",
                event.dependencies().isEmpty() ? "none" : String.join(", ", event.dependencies()), false);
        field(fields, "Order", event.orderId(), false);
        embed.put("timestamp", event.occurredAt());
        embed.putObject("footer").put("text", truncate(footer(event), DiscordLimits.FOOTER_TEXT));
        return embed;
    }

    /**
     * The button below an order's embed: "Open order" to its page, or "Open: {title}" when the message holds other
     * orders' embeds too; none for a deleted order or without a link template.
     */
    public Optional<LinkButton> button(OrderEvent event, boolean alone) {
        if (event.type() == OrderEvent.Type.DELETED) {
            return Optional.empty();
        }
        return LinkButton.of(alone ? "Open order" : "Open: " + nullToEmpty(event.title()), orderUrl(orderUrlTemplate.get(), event));
    }

    /** "OrderChainer · status changed · by ada · assigned to grace": the people only where their names are known. */
    static String footer(OrderEvent event) {
        StringBuilder footer = new StringBuilder("OrderChainer · ").append(event.type().wire().replace('_', ' '));
        if (event.actor() != null && event.actor().username() != null) {
            footer.append(" · by ").append(event.actor().username());
        }
        if (event.assignee() != null && event.assignee().username() != null) {
            footer.append(" · assigned to ").append(event.assignee().username());
        }
        return footer.toString();
    }

    /** An order's page, or null without a link template. */
    /**
     * The order's link: the template with its id; a team's order also names its workspace ("workspace=ws_…"), which
     * the web app opens it in (the personal workspace is the one it opens without).
     */
    static String orderUrl(String template, OrderEvent event) {
        if (template == null || template.isBlank() || event.orderId() == null) {
            return null;
        }
        String url = template.replace("{id}", event.orderId());
        if (!TableKeys.isTeamWorkspace(event.userId())) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "workspace=" + event.userId();
    }

    static String headline(OrderEvent event) {
        return switch (event.type()) {
            case CREATED -> "Order created";
            case DELETED -> "Order deleted";
            case READY -> "Order ready";
            case BLOCKED -> "Order blocked by a failed dependency";
            case STATUS_CHANGED -> event.newStatus() == null ? "Order updated" : switch (event.newStatus()) {
                case COMPLETED -> "Order completed";
                case FAILED -> "Order failed";
                case ACTIVE -> "Order started";
                case PENDING -> "Order back to pending";
            };
            case UPDATED -> "Order updated";
        };
    }

    /** At most six fields per embed, well within Discord's 25. */
    private static void field(ArrayNode fields, String name, String value, boolean inline) {
        fields.addObject().put("name", truncate(name, DiscordLimits.FIELD_NAME))
                .put("value", truncate(value.isEmpty() ? "—" : value, DiscordLimits.FIELD_VALUE))
                .put("inline", inline);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String wire(OrderStatus status) {
        return status == null ? "" : status.wire();
    }
}
