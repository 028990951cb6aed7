package dev.orderchainer.delivery.domain;

import static dev.orderchainer.delivery.testing.OrderEventTestData.anEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderchainer.delivery.testing.OrderEventTestData;
import dev.orderchainer.discord.domain.DiscordLimits;
import dev.orderchainer.orders.domain.OrderStatus;
import dev.orderchainer.orders.domain.StatusPalette;
import dev.orderchainer.orders.events.OrderEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbedRendererTest {
    private final EmbedRenderer renderer = new EmbedRenderer(() -> "https://app.example.com/orders/{id}");

    private static OrderEvent event(OrderEvent.Type type, OrderStatus oldStatus, OrderStatus newStatus, String title, String description,
            List<String> deps) {
        return new OrderEvent("e1", type, "u1", "01JDQ8X3V7M2K9P4R6T8W0Y2A4", title, description, oldStatus, newStatus,
                List.of("status"), deps, "2026-11-24T06:15:02Z", null, null, null);
    }

    @Test
    void coloursFollowTheStatus() {
        assertEquals(0x95A5A6, renderer.render(event(OrderEvent.Type.CREATED, null, OrderStatus.PENDING, "T", "", List.of())).path("color").asInt());
        assertEquals(0x3498DB, renderer.render(event(OrderEvent.Type.STATUS_CHANGED, OrderStatus.PENDING, OrderStatus.ACTIVE, "T", "",
                List.of())).path("color").asInt());
        assertEquals(0x2ECC71, renderer.render(event(OrderEvent.Type.STATUS_CHANGED, OrderStatus.ACTIVE, OrderStatus.COMPLETED, "T", "",
                List.of())).path("color").asInt());
        assertEquals(0xE74C3C, renderer.render(event(OrderEvent.Type.STATUS_CHANGED, OrderStatus.ACTIVE, OrderStatus.FAILED, "T", "",
                List.of())).path("color").asInt());
    }

    @Test
    void aStatusChangeShowsFromAndToWithLinkTimeAndFooter() {
        ObjectNode embed = renderer.render(event(OrderEvent.Type.STATUS_CHANGED, OrderStatus.ACTIVE, OrderStatus.COMPLETED, "Print",
                "5,000 copies", List.of("A", "B")));
        assertEquals("Order completed: Print", embed.path("title").asText());
        assertEquals("5,000 copies", embed.path("description").asText());
        assertEquals("https://app.example.com/orders/01JDQ8X3V7M2K9P4R6T8W0Y2A4", embed.path("url").asText());
        assertEquals("active → completed", embed.path("fields").path(0).path("value").asText());
        assertEquals("Dependencies (2)", embed.path("fields").path(1).path("name").asText());
        assertEquals("A, B", embed.path("fields").path(1).path("value").asText());
        assertEquals("2026-11-24T06:15:02Z", embed.path("timestamp").asText());
        assertTrue(embed.path("footer").path("text").asText().startsWith("OrderChainer"));
    }

    @Test
    void aTeamsOrderNamesWhoChangedItAndItsAssigneeInTheFooterAsPlainText() {
        OrderEvent event = new OrderEvent("e1", OrderEvent.Type.STATUS_CHANGED, "ws_1", "01JDQ8X3V7M2K9P4R6T8W0Y2A4", "Paint", "",
                OrderStatus.PENDING, OrderStatus.ACTIVE, List.of("status"), List.of(), "2026-11-24T06:15:02Z", null,
                new OrderEvent.Person("u-ada", "ada"), new OrderEvent.Person("u-grace", "grace"));
        assertEquals("OrderChainer · status changed · by ada · assigned to grace", renderer.render(event).path("footer").path("text").asText());
        OrderEvent byTheService = new OrderEvent("e2", OrderEvent.Type.UPDATED, "ws_1", "01JDQ8X3V7M2K9P4R6T8W0Y2A4", "Paint", "", null,
                OrderStatus.PENDING, List.of("assignee"), List.of(), "2026-11-24T06:15:02Z", null, null, new OrderEvent.Person("u-gone", null));
        assertEquals("OrderChainer · updated", renderer.render(byTheService).path("footer").path("text").asText(),
                "nobody's name for the service's change, and none for an assignee without an account");
        assertEquals("OrderChainer · status changed", renderer.render(event(OrderEvent.Type.STATUS_CHANGED, OrderStatus.PENDING,
                OrderStatus.ACTIVE, "T", "", List.of())).path("footer").path("text").asText(), "a personal order's footer as before");
    }

    @Test
    void everyLimitIsEnforcedByTruncation() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add("01JDQ8X3V7M2K9P4R6T8W0Y2" + String.format("%02d", i));
        }
        ObjectNode embed = renderer.render(event(OrderEvent.Type.CREATED, null, OrderStatus.PENDING, "t".repeat(300), "d".repeat(5000), many));
        assertEquals(256, embed.path("title").asText().length());
        assertTrue(embed.path("title").asText().endsWith("…"));
        assertEquals(4096, embed.path("description").asText().length());
        embed.path("fields").forEach(f -> assertTrue(f.path("value").asText().length() <= 1024));
        assertTrue(DiscordLimits.countedCharacters(embed) <= DiscordLimits.MESSAGE_CHARACTERS);
        assertFalse(renderer.render(event(OrderEvent.Type.DELETED, OrderStatus.PENDING, null, "T", "", List.of())).has("url"),
                "deleted orders have no page");
    }

    @Test
    void aTitleOfEmojiIsCutByCodePoints() {
        String title = renderer.render(anEvent().title("🦊".repeat(300)).build()).path("title").asText();
        assertEquals(DiscordLimits.EMBED_TITLE, title.codePointCount(0, title.length()));
    }

    private static List<String> fieldNames(ObjectNode embed) {
        List<String> names = new ArrayList<>();
        embed.path("fields").forEach(f -> names.add(f.path("name").asText()));
        return names;
    }

    @Test
    void aDeletedOrderShowsTheStatusItHadAndNoLink() {
        ObjectNode embed = renderer.render(anEvent().type(OrderEvent.Type.DELETED).from(OrderStatus.ACTIVE).to(null).build());
        assertEquals("active", embed.path("fields").path(0).path("value").asText());
        assertFalse(embed.has("url"));
        assertEquals(StatusPalette.rgb(null), embed.path("color").asInt());
        assertEquals("OrderChainer · deleted", embed.path("footer").path("text").asText());
    }

    @Test
    void anEditNamesTheFieldsThatChanged() {
        ObjectNode embed = renderer.render(anEvent().type(OrderEvent.Type.UPDATED).changed("title", "description").build());
        assertEquals(List.of("Status", "Changed", "Dependencies (0)", "Order"), fieldNames(embed));
        assertEquals("title, description", embed.path("fields").path(1).path("value").asText());
        assertEquals("none", embed.path("fields").path(2).path("value").asText());
    }

    @Test
    void aStatusChangeNamesOtherChangedFieldsOnlyWhenThereAreSome() {
        OrderEventTestData move = anEvent().type(OrderEvent.Type.STATUS_CHANGED).from(OrderStatus.PENDING).to(OrderStatus.ACTIVE);
        assertEquals(List.of("Status", "Dependencies (0)", "Order"), fieldNames(renderer.render(move.changed("status").build())));
        assertEquals(List.of("Status", "Changed", "Dependencies (0)", "Order"),
                fieldNames(renderer.render(move.changed("status", "title").build())));
    }

    @Test
    void readyAndBlockedNameTheDependencyThatCausedThem() {
        ObjectNode ready = renderer.render(anEvent().type(OrderEvent.Type.READY).cause("01JDQ8X3V7M2K9P4R6T8W0Y2A9").build());
        assertEquals("Completed dependency", ready.path("fields").path(1).path("name").asText());
        assertEquals("01JDQ8X3V7M2K9P4R6T8W0Y2A9", ready.path("fields").path(1).path("value").asText());
        ObjectNode blocked = renderer.render(anEvent().type(OrderEvent.Type.BLOCKED).cause("01JDQ8X3V7M2K9P4R6T8W0Y2A9").build());
        assertEquals("Failed dependency", blocked.path("fields").path(1).path("name").asText());
        assertTrue(blocked.path("title").asText().startsWith("Order blocked by a failed dependency: "));
    }

    @Test
    void theLastFieldNamesTheOrderAndAMissingStatusShowsADash() {
        OrderEvent event = anEvent().to(null).build();
        ObjectNode embed = renderer.render(event);
        assertEquals(event.orderId(), embed.path("fields").path(2).path("value").asText());
        assertEquals("—", embed.path("fields").path(0).path("value").asText());
    }

    @Test
    void withoutALinkTemplateAnEmbedHasNoLink() {
        assertFalse(new EmbedRenderer(() -> " ").render(anEvent().build()).has("url"));
        assertFalse(new EmbedRenderer(() -> null).render(anEvent().build()).has("url"));
    }

    @Test
    void aTeamOrdersLinkNamesItsWorkspaceAndAPersonalOrdersDoesNot() {
        OrderEvent team = anEvent().user("ws_0123456789abcdef01234567").build();
        assertEquals("https://app.example.com/orders/" + team.orderId() + "?workspace=ws_0123456789abcdef01234567",
                renderer.render(team).path("url").asText());
        assertEquals("https://app.example.com/o?id=" + team.orderId() + "&workspace=ws_0123456789abcdef01234567",
                new EmbedRenderer(() -> "https://app.example.com/o?id={id}").render(team).path("url").asText());
        OrderEvent personal = anEvent().user("8f14e45f-ceea-467f-a0e6-1b1f5c1a1a1a").build();
        assertEquals("https://app.example.com/orders/" + personal.orderId(), renderer.render(personal).path("url").asText());
    }
}
