package dev.orderchainer.delivery.domain;

import static dev.orderchainer.delivery.testing.OrderEventTestData.anEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderchainer.discord.domain.WebhookEvent;
import dev.orderchainer.discord.template.MessageTemplate;
import dev.orderchainer.orders.domain.OrderStatus;
import dev.orderchainer.orders.domain.StatusPalette;
import dev.orderchainer.orders.events.OrderEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatedEmbedRendererTest {
    private static final MessageTemplate EVERYTHING = MessageTemplate.parse("{event}: {order.title}",
            "{order.id}|{order.url}|{order.status}|{order.old_status}|{order.description}|{order.assignee}|{actor}|{workspace}|{changed}",
            "{workspace} · {event}");
    private final TemplatedEmbedRenderer renderer = new TemplatedEmbedRenderer(() -> "https://app.example/orders/{id}");

    private static OrderEvent teamCompletion() {
        OrderEvent base = anEvent().user("ws_team").type(OrderEvent.Type.STATUS_CHANGED).from(OrderStatus.ACTIVE).to(OrderStatus.COMPLETED)
                .title("Ship **v2**").description("notes").changed("status", "assignee").build();
        return new OrderEvent(base.eventId(), base.type(), base.userId(), base.orderId(), base.title(), base.description(), base.oldStatus(),
                base.newStatus(), base.changedFields(), base.dependencies(), base.occurredAt(), base.cause(),
                new OrderEvent.Person("u1", "ada"), new OrderEvent.Person("u2", "grace"));
    }

    @Test
    void everyPlaceholderTakesItsValueFromTheChangeAndTheEmbedKeepsColourLinkAndTime() {
        OrderEvent event = teamCompletion();
        ObjectNode embed = renderer.render(event, EVERYTHING, "Ops");
        String url = "https://app.example/orders/" + event.orderId() + "?workspace=ws_team";
        assertEquals("completed: Ship \\*\\*v2\\*\\*", embed.path("title").asText());
        assertEquals(String.join("|", event.orderId(), url, "completed", "active", "notes", "grace", "ada", "Ops", "status, assignee"),
                embed.path("description").asText());
        assertEquals("Ops · completed", embed.path("footer").path("text").asText());
        assertEquals(StatusPalette.rgb(OrderStatus.COMPLETED), embed.path("color").asInt());
        assertEquals(url, embed.path("url").asText());
        assertEquals(event.occurredAt(), embed.path("timestamp").asText());
    }

    @Test
    void aDeletedOrderHasNoLinkAndShowsTheStatusItHad() {
        OrderEvent deleted = anEvent().type(OrderEvent.Type.DELETED).from(OrderStatus.FAILED).to(null).build();
        ObjectNode embed = renderer.render(deleted, MessageTemplate.parse("{event} {order.status} [{order.url}]", null, null), "Me");
        assertEquals("deleted failed []", embed.path("title").asText());
        assertFalse(embed.has("url"));
        assertEquals(StatusPalette.rgb(null), embed.path("color").asInt());
    }

    @Test
    void partsThatComeOutEmptyAreLeftOut() {
        ObjectNode embed = renderer.render(anEvent().description("").build(), MessageTemplate.parse("New: {order.title}", "{order.description}",
                "{order.assignee}"), "Me");
        assertFalse(embed.has("description"));
        assertFalse(embed.has("footer"));
        assertEquals(List.of("title", "color", "url", "timestamp"), fieldNames(embed));
    }

    @Test
    void theKindOfEachChangeIsTheWordTheFilterUses() {
        Map<WebhookEvent, OrderEvent> examples = Map.of(
                WebhookEvent.CREATED, anEvent().build(),
                WebhookEvent.UPDATED, anEvent().type(OrderEvent.Type.UPDATED).build(),
                WebhookEvent.DELETED, anEvent().type(OrderEvent.Type.DELETED).build(),
                WebhookEvent.READY, anEvent().type(OrderEvent.Type.READY).build(),
                WebhookEvent.BLOCKED, anEvent().type(OrderEvent.Type.BLOCKED).build(),
                WebhookEvent.STARTED, anEvent().type(OrderEvent.Type.STATUS_CHANGED).from(OrderStatus.PENDING).to(OrderStatus.ACTIVE).build(),
                WebhookEvent.COMPLETED, anEvent().type(OrderEvent.Type.STATUS_CHANGED).to(OrderStatus.COMPLETED).build(),
                WebhookEvent.FAILED, anEvent().type(OrderEvent.Type.STATUS_CHANGED).to(OrderStatus.FAILED).build());
        examples.forEach((kind, event) -> assertEquals(kind, ChangeKinds.of(event), kind.wire()));
        assertEquals(WebhookEvent.UPDATED,
                ChangeKinds.of(anEvent().type(OrderEvent.Type.STATUS_CHANGED).from(OrderStatus.ACTIVE).to(OrderStatus.PENDING).build()));
        assertEquals("completed", WebhookEvent.COMPLETED.wire());
    }

    private static List<String> fieldNames(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
