package dev.orderchainer.delivery.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderchainer.common.json.Json;
import dev.orderchainer.discord.domain.DiscordLimits;
import dev.orderchainer.discord.template.DiscordMarkdown;
import dev.orderchainer.orders.domain.OrderStatus;
import dev.orderchainer.orders.domain.StatusPalette;
import dev.orderchainer.orders.events.OrderEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A burst as few messages: one embed per kind of change (its headline: created, started, completed, failed,
 * ready, blocked...), coloured by the status it leads to, timed by its latest change, one line per change
 * naming the order (its title as a link to its page, and the end of its id) with its old and new status; as
 * many changes as Discord's limits let one message hold (10 embeds, 4,096 characters per description, 6,000
 * per message), in queue order.
 */
public final class DigestRenderer {
    static final int LINE_TITLE = 60;
    private static final int TITLE_ROOM = 64;
    private final Supplier<String> orderUrlTemplate;

    /**
     * @param orderUrlTemplate the link of an order, "{id}" replaced by its id (asked for each digest: it may be read at
     *     run time); each line links to its order, each embed to the list it belongs to
     */
    public DigestRenderer(Supplier<String> orderUrlTemplate) {
        this.orderUrlTemplate = orderUrlTemplate;
    }

    /** One message: its embeds and how many of {@code events} (from the first) it holds, at least one. */
    public record Digest(List<ObjectNode> embeds, int events) {}

    public Digest render(List<OrderEvent> events) {
        String template = orderUrlTemplate.get();
        // Each kind's current embed; a kind that fills one embed's description goes on in another.
        Map<String, Kind> current = new LinkedHashMap<>();
        List<Kind> kinds = new ArrayList<>();
        // Room for the footer: the count it will name is at most events.size(), so never longer.
        int chars = footer(events.size()).length();
        int taken = 0;
        for (OrderEvent event : events) {
            String line = line(event, EmbedRenderer.orderUrl(template, event));
            String headline = EmbedRenderer.headline(event);
            Kind kind = current.get(headline);
            boolean newEmbed = kind == null || kind.lines.length() + 1 + line.length() > DiscordLimits.EMBED_DESCRIPTION;
            int cost = line.length() + 1 + (newEmbed ? TITLE_ROOM : 0);
            if (taken > 0 && (newEmbed && kinds.size() == DiscordLimits.EMBEDS_PER_MESSAGE || chars + cost > DiscordLimits.MESSAGE_CHARACTERS)) {
                break;
            }
            if (newEmbed) {
                kind = new Kind(headline, StatusPalette.rgb(event.type() == OrderEvent.Type.DELETED ? null : event.newStatus()));
                current.put(headline, kind);
                kinds.add(kind);
            }
            kind.add(line, event.occurredAt());
            chars += cost;
            taken++;
        }
        String ordersUrl = template != null && template.endsWith("/{id}") ? template.substring(0, template.length() - "/{id}".length()) : "";
        List<ObjectNode> embeds = new ArrayList<>();
        for (Kind kind : kinds) {
            ObjectNode embed = Json.mapper().createObjectNode();
            embed.put("title", kind.count + " × " + kind.headline);
            embed.put("description", kind.lines.toString());
            embed.put("color", kind.color);
            if (!ordersUrl.isBlank()) {
                embed.put("url", ordersUrl);
            }
            if (kind.latest != null) {
                embed.put("timestamp", kind.latest.toString());
            }
            embeds.add(embed);
        }
        embeds.get(embeds.size() - 1).putObject("footer").put("text", footer(taken));
        return new Digest(embeds, taken);
    }

    private static String footer(int changes) {
        return "OrderChainer · " + changes + " changes at once, summarised";
    }

    /**
     * "[Title](https://app/orders/01J…) `…X7K2Q9` active → completed": the order by name as a masked link to its page
     * (plain bold without a link template), its id's last characters, and what changed.
     */
    public static String line(OrderEvent event, String url) {
        String title = event.title() == null || event.title().isBlank() ? "(untitled)" : DiscordLimits.truncate(event.title(), LINE_TITLE);
        String id = event.orderId() == null ? "" : event.orderId();
        String change = switch (event.type()) {
            case STATUS_CHANGED -> wire(event.oldStatus()) + " → " + wire(event.newStatus());
            case UPDATED -> String.join(", ", event.changedFields()) + " changed";
            case DELETED -> "was " + wire(event.oldStatus());
            case CREATED, READY, BLOCKED -> wire(event.newStatus());
        };
        String name = url == null ? "**" + DiscordMarkdown.text(title) + "**" : "[" + DiscordMarkdown.text(title) + "](" + url + ")";
        return name + " `…" + id.substring(Math.max(0, id.length() - 6)) + "` " + change;
    }

    private static String wire(OrderStatus status) {
        return status == null ? "?" : status.wire();
    }

    private static final class Kind {
        private final String headline;
        private final int color;
        private final StringBuilder lines = new StringBuilder();
        private int count;
        private Instant latest;

        private Kind(String headline, int color) {
            this.headline = headline;
            this.color = color;
        }

        private void add(String line, String occurredAt) {
            if (count > 0) {
                lines.append('\n');
            }
            lines.append(line);
            count++;
            Instant at = instant(occurredAt);
            if (at != null && (latest == null || at.isAfter(latest))) {
                latest = at;
            }
        }

        private static Instant instant(String text) {
            try {
                return text == null ? null : Instant.parse(text);
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
