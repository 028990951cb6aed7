package dev.orderchainer.delivery.domain;

import static dev.orderchainer.delivery.testing.OrderEventTestData.anEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orderchainer.delivery.testing.InMemoryOutbox;
import dev.orderchainer.discord.domain.Notifications;
import dev.orderchainer.discord.domain.Webhook;
import dev.orderchainer.discord.domain.WebhookEvent;
import dev.orderchainer.discord.domain.WebhookUrl;
import dev.orderchainer.discord.testing.InMemoryWebhookStore;
import dev.orderchainer.orders.domain.OrderStatus;
import dev.orderchainer.orders.events.OrderEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The queue side: which events reach a user's outbox, in which order, and which messages stay on the queue. */
class OutboxWriterTest {
    private final InMemoryWebhookStore integrations = new InMemoryWebhookStore();
    private final InMemoryOutbox outbox = new InMemoryOutbox(Clock.systemUTC());
    private final OutboxWriter writer = new OutboxWriter(integrations, outbox);

    private void integration(String userId, Notifications toggles, boolean enabled) {
        webhook(userId, "wh_" + userId, toggles.applyTo(EnumSet.noneOf(WebhookEvent.class)), null, enabled);
    }

    private void webhook(String workspaceId, String id, Set<WebhookEvent> events, String assignee, boolean enabled) {
        integrations.seed(new Webhook(workspaceId, id, integrations.list(workspaceId).isEmpty(), id,
                new WebhookUrl("1100000000000000001", "token"), null, null, null, events, assignee, null, enabled, null,
                Instant.EPOCH, Instant.EPOCH));
    }

    private static WebhookAddress address(String workspaceId) {
        return new WebhookAddress(workspaceId, "wh_" + workspaceId);
    }

    private static OutboxWriter.Queued queued(String position, OrderEvent event) {
        return new OutboxWriter.Queued("message-" + position, position, event);
    }

    private List<String> waitingIds(String userId) {
        return waitingIds(address(userId));
    }

    private List<String> waitingIds(WebhookAddress webhook) {
        return outbox.waiting(webhook, 100).stream().map(e -> e.event().eventId()).toList();
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
        assertEquals(List.of(address("ann"), address("bob")), List.copyOf(outcome.webhooksWithNews()));
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
        assertEquals(Set.of(), outcome.webhooksWithNews());
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
        assertEquals(Set.of(), writer.write(List.of(queued("003", anEvent().user("ann").build()))).webhooksWithNews(),
                "only unwanted events: no nudge");
    }

    @Test
    void eachWebhookOfAWorkspaceGetsTheKindsItsFilterNamesAndItsAssigneesOrdersOnly() {
        webhook("team", "wh_all", EnumSet.allOf(WebhookEvent.class), null, true);
        webhook("team", "wh_done", EnumSet.of(WebhookEvent.COMPLETED, WebhookEvent.FAILED), null, true);
        webhook("team", "wh_ada", EnumSet.allOf(WebhookEvent.class), "u_ada", true);
        webhook("team", "wh_off", EnumSet.allOf(WebhookEvent.class), null, false);
        OrderEvent created = anEvent().user("team").build();
        OrderEvent adas = anEvent().user("team").type(OrderEvent.Type.STATUS_CHANGED).from(OrderStatus.ACTIVE).to(OrderStatus.COMPLETED)
                .assignee("u_ada").build();
        OrderEvent gracesFailure = anEvent().user("team").type(OrderEvent.Type.STATUS_CHANGED).from(OrderStatus.ACTIVE).to(OrderStatus.FAILED)
                .assignee("u_grace").build();
        OutboxWriter.Outcome outcome = writer.write(List.of(queued("001", created), queued("002", adas), queued("003", gracesFailure)));
        assertEquals(List.of(created.eventId(), adas.eventId(), gracesFailure.eventId()), waitingIds(new WebhookAddress("team", "wh_all")));
        assertEquals(List.of(adas.eventId(), gracesFailure.eventId()), waitingIds(new WebhookAddress("team", "wh_done")));
        assertEquals(List.of(adas.eventId()), waitingIds(new WebhookAddress("team", "wh_ada")));
        assertEquals(List.of(), waitingIds(new WebhookAddress("team", "wh_off")));
        assertEquals(Set.of("wh_all", "wh_done", "wh_ada"),
                outcome.webhooksWithNews().stream().map(WebhookAddress::webhookId).collect(Collectors.toSet()));
    }
}
