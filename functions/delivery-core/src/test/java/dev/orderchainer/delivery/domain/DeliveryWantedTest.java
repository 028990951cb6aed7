package dev.orderchainer.delivery.domain;

import static dev.orderchainer.delivery.testing.OrderEventTestData.anEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orderchainer.discord.domain.Notifications;
import dev.orderchainer.discord.domain.Webhook;
import dev.orderchainer.discord.domain.WebhookEvent;
import dev.orderchainer.discord.domain.WebhookUrl;
import dev.orderchainer.orders.domain.OrderStatus;
import dev.orderchainer.orders.events.OrderEvent;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which kind each change is, and so which filter and which of /api/discord's toggles let it through: that one alone. */
class DeliveryWantedTest {
    private static final List<String> TOGGLES = List.of("created", "updated", "completed", "failed", "ready", "blocked");

    private static Webhook filtering(Set<WebhookEvent> events) {
        return new Webhook("ws", "wh", true, "x", new WebhookUrl("1", "t"), null, null, null, events, null, null, true, null, Instant.EPOCH,
                Instant.EPOCH);
    }

    private static Notifications only(String toggle) {
        return new Notifications(toggle.equals("created"), toggle.equals("updated"), toggle.equals("completed"), toggle.equals("failed"),
                toggle.equals("ready"), toggle.equals("blocked"));
    }

    @ParameterizedTest(name = "{0} to {1} is {2}, let through by {3}")
    @CsvSource({
        "CREATED, PENDING, created, created",
        "READY, PENDING, ready, ready",
        "BLOCKED, PENDING, blocked, blocked",
        "STATUS_CHANGED, COMPLETED, completed, completed",
        "STATUS_CHANGED, FAILED, failed, failed",
        "STATUS_CHANGED, ACTIVE, started, updated",
        "STATUS_CHANGED, PENDING, updated, updated",
        "UPDATED, ACTIVE, updated, updated",
        "DELETED, PENDING, deleted, updated",
    })
    void eachChangeHasExactlyOneKindAndOneToggle(OrderEvent.Type type, OrderStatus to, String kind, String toggle) {
        OrderEvent event = anEvent().type(type).to(to).build();
        assertEquals(kind, ChangeKinds.of(event).wire());
        for (WebhookEvent candidate : WebhookEvent.values()) {
            assertEquals(candidate.wire().equals(kind), OutboxWriter.wants(filtering(EnumSet.of(candidate)), event), candidate.wire());
        }
        for (String candidate : TOGGLES) {
            Set<WebhookEvent> events = only(candidate).applyTo(EnumSet.noneOf(WebhookEvent.class));
            assertEquals(candidate.equals(toggle), OutboxWriter.wants(filtering(events), event), candidate);
        }
    }
}
