package dev.orderchainer.delivery.domain;

import static dev.orderchainer.delivery.testing.OrderEventTestData.anEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderchainer.discord.domain.DiscordLimits;
import dev.orderchainer.orders.domain.OrderStatus;
import dev.orderchainer.orders.domain.StatusPalette;
import dev.orderchainer.orders.events.OrderEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestRendererTest {
    private final DigestRenderer renderer = new DigestRenderer(() -> "https://app.example.com/orders/{id}");

    private static OrderEvent event(OrderEvent.Type type, OrderStatus from, OrderStatus to, String title, int n) {
        return new OrderEvent("e" + n, type, "u", "01JDQ8X3V7M2K9P4R6T8" + String.format("%06d", n), title, "", from, to,
                List.of("status"), List.of(), "2026-11-24T06:15:02Z", null, null, null);
    }

    @Test
    void oneEmbedPerKindOfChangeInFirstSeenOrderColouredByItsStatus() {
        DigestRenderer.Digest digest = renderer.render(List.of(
                event(OrderEvent.Type.STATUS_CHANGED, OrderStatus.ACTIVE, OrderStatus.COMPLETED, "Print", 1),
                event(OrderEvent.Type.CREATED, null, OrderStatus.PENDING, "Bind", 2),
                event(OrderEvent.Type.STATUS_CHANGED, OrderStatus.ACTIVE, OrderStatus.COMPLETED, "Ship", 3)));
        assertEquals(3, digest.events());
        List<ObjectNode> embeds = digest.embeds();
        assertEquals(List.of("2 × Order completed", "1 × Order created"), embeds.stream().map(e -> e.path("title").asText()).toList());
        assertEquals("[Print](https://app.example.com/orders/01JDQ8X3V7M2K9P4R6T8000001) `…000001` active → completed\n"
                + "[Ship](https://app.example.com/orders/01JDQ8X3V7M2K9P4R6T8000003) `…000003` active → completed",
                embeds.get(0).path("description").asText());
        assertEquals(StatusPalette.rgb(OrderStatus.COMPLETED), embeds.get(0).path("color").asInt());
        assertEquals("https://app.example.com/orders", embeds.get(0).path("url").asText());
        assertEquals("OrderChainer · 3 changes at once, summarised", embeds.get(1).path("footer").path("text").asText());
        assertTrue(embeds.get(0).path("footer").isMissingNode(), "one footer per message");
    }

    @Test
    void eachEmbedCarriesTheTimeOfItsLatestChange() {
        OrderEvent early = event(OrderEvent.Type.CREATED, null, OrderStatus.PENDING, "A", 1);
        OrderEvent late = new OrderEvent("e2", OrderEvent.Type.CREATED, "u", "01JDQ8X3V7M2K9P4R6T8000002", "B", "", null,
                OrderStatus.PENDING, List.of(), List.of(), "2026-11-24T06:15:09.250Z", null, null, null);
        OrderEvent other = event(OrderEvent.Type.DELETED, OrderStatus.PENDING, null, "C", 3);
        List<ObjectNode> embeds = renderer.render(List.of(late, early, other)).embeds();
        assertEquals("2026-11-24T06:15:09.250Z", embeds.get(0).path("timestamp").asText(), "the latest, not the last");
        assertEquals("2026-11-24T06:15:02Z", embeds.get(1).path("timestamp").asText());
    }

    @Test
    void withoutALinkTemplateLinesNameTheOrderInBold() {
        DigestRenderer plain = new DigestRenderer(() -> "");
        ObjectNode embed = plain.render(List.of(event(OrderEvent.Type.CREATED, null, OrderStatus.PENDING, "A", 1))).embeds().get(0);
        assertEquals("**A** `…000001` pending", embed.path("description").asText());
        assertTrue(embed.path("url").isMissingNode());
    }

    @Test
    void aMessageHoldsWhatFitsSixThousandCharactersAndTheRestWaits() {
        List<OrderEvent> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(event(OrderEvent.Type.CREATED, null, OrderStatus.PENDING, "T".repeat(60), i));
        }
        DigestRenderer.Digest digest = renderer.render(many);
        int chars = digest.embeds().stream().mapToInt(e -> e.path("title").asText().length() + e.path("description").asText().length()
                + e.path("footer").path("text").asText().length()).sum();
        assertTrue(chars <= DiscordLimits.MESSAGE_CHARACTERS, chars + " characters");
        assertTrue(digest.events() > 30 && digest.events() < 500, digest.events() + " changes");
        assertEquals(2, digest.embeds().size(), "one kind over two embeds: a description holds 4,096 characters");
        assertEquals(digest.events(), digest.embeds().stream().mapToInt(e -> e.path("description").asText().split("\n").length).sum());
        digest.embeds().forEach(e -> assertTrue(e.path("description").asText().length() <= DiscordLimits.EMBED_DESCRIPTION));
    }

    @Test
    void atMostTenKindsToAMessage() {
        List<OrderEvent> kinds = new ArrayList<>();
        OrderEvent.Type[] types = {OrderEvent.Type.CREATED, OrderEvent.Type.UPDATED, OrderEvent.Type.DELETED, OrderEvent.Type.READY,
            OrderEvent.Type.BLOCKED};
        for (OrderEvent.Type type : types) {
            kinds.add(event(type, OrderStatus.PENDING, OrderStatus.PENDING, "K", kinds.size()));
        }
        for (OrderStatus to : OrderStatus.values()) {
            kinds.add(event(OrderEvent.Type.STATUS_CHANGED, OrderStatus.ACTIVE, to, "S", kinds.size()));
        }
        kinds.add(event(OrderEvent.Type.CREATED, null, OrderStatus.PENDING, "Again", kinds.size()));
        // 9 kinds so far; an 11th kind must wait for the next message, a line of a known kind still fits.
        assertEquals(10, renderer.render(kinds).events());
        assertEquals(9, renderer.render(kinds).embeds().size());
    }

    @Test
    void titlesCannotBreakTheLineAndAreCut() {
        String title = "*bold* [x](http://evil) `code` " + "y".repeat(80);
        String line = DigestRenderer.line(event(OrderEvent.Type.CREATED, null, OrderStatus.PENDING, title, 7), "https://app/o/7");
        assertTrue(line.startsWith("[\\*bold\\* \\[x\\]\\(http://evil\\) \\`code\\` y"), line);
        assertTrue(line.endsWith("y…](https://app/o/7) `…000007` pending"), line);
    }

    @Test
    void mentionsInATitleDoNotFormInItsLine() {
        String line = DigestRenderer.line(event(OrderEvent.Type.CREATED, null, OrderStatus.PENDING, "<@123> @everyone <t:1:R>", 8), null);
        assertTrue(line.startsWith("**\\<\\@123\\> \\@everyone \\<t:1:R\\>**"), line);
    }

    /** Creation events whose digest lines (without links) add up to {@code length} characters with their line breaks. */
    private static List<OrderEvent> linesOfLength(int length) {
        List<OrderEvent> events = new ArrayList<>();
        int used = -1;
        while (used < length) {
            OrderEvent probe = anEvent().title("t").build();
            int overhead = DigestRenderer.line(probe, null).length() - 1;
            int title = Math.min(DigestRenderer.LINE_TITLE, length - used - 1 - overhead);
            events.add(anEvent().title("t".repeat(title)).build());
            used += 1 + overhead + title;
        }
        return events;
    }

    @Test
    void aDescriptionOfExactlyDiscordsLimitStaysOneEmbed() {
        DigestRenderer plain = new DigestRenderer(() -> "");
        List<OrderEvent> events = linesOfLength(DiscordLimits.EMBED_DESCRIPTION);
        DigestRenderer.Digest digest = plain.render(events);
        assertEquals(1, digest.embeds().size());
        assertEquals(DiscordLimits.EMBED_DESCRIPTION, digest.embeds().get(0).path("description").asText().length());
        assertEquals(events.size(), digest.events());
    }

    @Test
    void oneCharacterMoreStartsASecondEmbedOfTheSameKind() {
        DigestRenderer plain = new DigestRenderer(() -> "");
        List<OrderEvent> events = linesOfLength(DiscordLimits.EMBED_DESCRIPTION + 1);
        DigestRenderer.Digest digest = plain.render(events);
        assertEquals(2, digest.embeds().size());
        assertEquals(events.size(), digest.events());
    }

    @Test
    void aMessageOfExactlySixThousandCountedCharactersHoldsEveryChange() {
        DigestRenderer plain = new DigestRenderer(() -> "");
        // Two embeds of one kind (each counted with 64 characters of title room) and the footer naming the count.
        List<OrderEvent> first = linesOfLength(DiscordLimits.EMBED_DESCRIPTION);
        int footer = "OrderChainer · NN changes at once, summarised".length();
        int rest = DiscordLimits.MESSAGE_CHARACTERS - footer - 2 * 64 - (DiscordLimits.EMBED_DESCRIPTION + 1);
        List<OrderEvent> events = new ArrayList<>(first);
        events.addAll(linesOfLength(rest - 1));
        DigestRenderer.Digest digest = plain.render(events);
        assertEquals(events.size(), digest.events(), "all fit: " + events.size());
        events.add(anEvent().title("t").build());
        assertEquals(events.size() - 1, plain.render(events).events(), "one more does not");
    }
}
