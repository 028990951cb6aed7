package dev.orderchainer.delivery.domain;

import static dev.orderchainer.delivery.testing.OrderEventTestData.anEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orderchainer.delivery.testing.InMemoryOutbox;
import dev.orderchainer.discord.domain.Integration;
import dev.orderchainer.discord.domain.Notifications;
import dev.orderchainer.discord.domain.WebhookUrl;
import dev.orderchainer.discord.testing.InMemoryIntegrationStore;
import dev.orderchainer.orders.domain.OrderStatus;
import dev.orderchainer.orders.events.OrderEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The queue side: which events reach a user's outbox, in which order, and which messages stay on the queue. */
class OutboxWriterTest {
    private final InMemoryIntegrationStore integrations = new InMemoryIntegrationStore();
    private final InMemoryOutbox outbox = new InMemoryOutbox(Clock.systemUTC());
    private final OutboxWriter writer = new OutboxWriter(integrations, outbox);

    private void integration(String userId, Notifications toggles, boolean enabled) {
        integrations.put(new Integration(userId, new WebhookUrl("1100000000000000001", "token"), null, null, toggles, enabled, null,
                Instant.EPOCH, Instant.EPOCH));
    }

    private static OutboxWriter.Queued queued(String position, OrderEvent event) {
        return new OutboxWriter.Queued("message-" + position, position, event);
    }

    private List<String> waitingIds(String userId) {
        return outbox.waiting(userId, 100).stream().map(e -> e.event().eventId()).toList();
    }

    @Test
    void eachUsersEventsGoIntoTheirOutboxInQueueOrderAndTheUsersAreNamed() {
        integration("ann", Notifications.ALL, true);
        integration("bob", Notifications.ALL, true);
        OrderEvent first = anEvent().user("ann").build();
        OrderEvent second = anEvent().user("bob").build();
        OrderEvent third = anEvent().user("ann").build();
        OutboxWriter.Outcome outcome = writer.write(List.of(queued("001", first), queued("002", second), queued("003", third)));
        assertEquals(Set.of(), outcome.failed());
        assertEquals(List.of("ann", "bob"), List.copyOf(outcome.usersWithNews()));
        assertEquals(List.of(first.eventId(), third.eventId()), waitingIds("ann"));
        assertEquals(List.of(second.eventId()), waitingIds("bob"));
    }

    @Test
    void anUnreadableMessageStaysOnTheQueueAndTheRestAreWritten() {
        integration("ann", Notifications.ALL, true);
        OrderEvent readable = anEvent().user("ann").build();
        OutboxWriter.Outcome outcome = writer.write(List.of(new OutboxWriter.Queued("no-event", "001", null),
                new OutboxWriter.Queued("no-position", null, anEvent().user("ann").build()), queued("003", readable)));
        assertEquals(Set.of("no-event", "no-position"), outcome.failed());
        assertEquals(List.of(readable.eventId()), waitingIds("ann"));
    }

    @Test
    void withoutAnEnabledIntegrationNothingIsWrittenAndNoOneIsNamed() {
        integration("bob", Notifications.ALL, false);
        OutboxWriter.Outcome outcome = writer.write(List.of(queued("001", anEvent().user("ann").build()),
                queued("002", anEvent().user("bob").build())));
        assertEquals(Set.of(), outcome.usersWithNews());
        assertEquals(List.of(), waitingIds("ann"));
        assertEquals(List.of(), waitingIds("bob"));
    }

    @Test
    void eventsTheUserTurnedOffAreNotWritten() {
        integration("ann", new Notifications(false, true, true, true, true, true), true);
        OrderEvent completed = anEvent().user("ann").type(OrderEvent.Type.STATUS_CHANGED).from(OrderStatus.ACTIVE).to(OrderStatus.COMPLETED)
                .build();
        writer.write(List.of(queued("001", anEvent().user("ann").build()), queued("002", completed)));
        assertEquals(List.of(completed.eventId()), waitingIds("ann"));
        assertEquals(Set.of(), writer.write(List.of(queued("003", anEvent().user("ann").build()))).usersWithNews(),
                "only unwanted events: no nudge");
    }
}
