package dev.orderchainer.orders.workflow;

import static dev.orderchainer.orders.domain.OrderStatus.ACTIVE;
import static dev.orderchainer.orders.domain.OrderStatus.COMPLETED;
import static dev.orderchainer.orders.domain.OrderStatus.FAILED;
import static dev.orderchainer.orders.domain.OrderStatus.PENDING;
import static dev.orderchainer.orders.testing.OrderTestData.USER;
import static dev.orderchainer.orders.testing.OrderTestData.anOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.orders.domain.Order;
import dev.orderchainer.orders.domain.OrderService;
import dev.orderchainer.orders.events.EventQueue;
import dev.orderchainer.orders.events.OrderEvent;
import dev.orderchainer.orders.testing.InMemoryOrderStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a status or dependency change means for the orders around it, over the in-memory store. */
class WorkflowTest {
    private static final String WHEN = "2026-11-25T12:00:00Z";
    private final InMemoryOrderStore store = new InMemoryOrderStore();
    private final List<OrderEvent> sent = new ArrayList<>();
    private int accepting = Integer.MAX_VALUE;
    private final EventQueue queue = events -> {
        int taken = Math.min(accepting, events.size());
        sent.addAll(events.subList(0, taken));
        return taken;
    };
    private final Workflow workflow = new Workflow(store,
            new OrderService(store, Clock.fixed(Instant.parse(WHEN), ZoneOffset.UTC)), queue);

    private Order stored(String id) {
        return store.get(USER, id).orElseThrow();
    }

    @Test
    void aCompletionAnnouncesTheDependentsItLeavesReadyAndStartsThoseThatAsk() {
        Order done = anOrder().status(COMPLETED).build();
        Order open = anOrder().status(ACTIVE).build();
        Order ready = anOrder().dependsOn(done.id()).build();
        Order starts = anOrder().dependsOn(done.id()).autoActivate().build();
        Order waiting = anOrder().dependsOn(done.id(), open.id()).build();
        Order running = anOrder().status(ACTIVE).dependsOn(done.id()).build();
        store.put(done).put(open).put(ready).put(starts).put(waiting).put(running);
        assertTrue(workflow.statusChanged("rec-1", USER, done.id(), ACTIVE, COMPLETED, 3,
                List.of(ready.id(), starts.id(), waiting.id(), running.id()), WHEN));
        assertEquals(List.of("rec-1:ready:" + ready.id(), "rec-1:ready:" + starts.id()), sent.stream().map(OrderEvent::eventId).toList());
        OrderEvent event = sent.get(0);
        assertEquals(OrderEvent.Type.READY, event.type());
        assertEquals(done.id(), event.cause());
        assertEquals(PENDING, event.newStatus());
        assertEquals(WHEN, event.occurredAt());
        assertEquals(ACTIVE, stored(starts.id()).status());
        assertEquals(PENDING, stored(ready.id()).status());
    }

    @Test
    void anAutoStartSomeoneElseGotToFirstIsLeftToThem() {
        Order done = anOrder().status(COMPLETED).build();
        Order starts = anOrder().dependsOn(done.id()).autoActivate().build();
        store.put(done).put(starts);
        store.beforeNextWrite(() -> store.put(anOrder().id(starts.id()).status(FAILED).dependsOn(done.id()).version(2).build()));
        assertTrue(workflow.statusChanged("rec-1", USER, done.id(), ACTIVE, COMPLETED, 3, List.of(starts.id()), WHEN));
        assertEquals(FAILED, stored(starts.id()).status());
        assertEquals(1, sent.size(), "still announced as ready: it was when the completion happened");
    }

    @Test
    void aFailureMarksAndAnnouncesPendingDependentsOnce() {
        Order failed = anOrder().status(FAILED).version(4).build();
        Order pending = anOrder().dependsOn(failed.id()).build();
        Order active = anOrder().status(ACTIVE).dependsOn(failed.id()).build();
        store.put(failed).put(pending).put(active);
        assertTrue(workflow.statusChanged("rec-2", USER, failed.id(), ACTIVE, FAILED, 4, List.of(pending.id(), active.id()), WHEN));
        assertEquals(List.of(failed.id()), stored(pending.id()).blockedByFailure());
        assertEquals(List.of(), stored(active.id()).blockedByFailure());
        assertEquals(1, sent.size());
        assertEquals("blocked:" + pending.id() + ":" + failed.id() + ":4", sent.get(0).eventId());
        assertEquals(OrderEvent.Type.BLOCKED, sent.get(0).type());
    }

    @Test
    void leavingFailedClearsTheMarks() {
        Order failed = anOrder().build();
        Order dependent = anOrder().dependsOn(failed.id()).blockedByFailure(failed.id()).build();
        store.put(failed).put(dependent);
        assertTrue(workflow.statusChanged("rec-3", USER, failed.id(), FAILED, PENDING, 5, List.of(dependent.id()), WHEN));
        assertEquals(List.of(), stored(dependent.id()).blockedByFailure());
        assertEquals(List.of(), sent);
    }

    @Test
    void anOrderNothingDependsOnChangesNothingElse() {
        assertTrue(workflow.statusChanged("rec-4", USER, "x", ACTIVE, FAILED, 2, List.of(), WHEN));
        assertEquals(0, store.writes());
        assertEquals(List.of(), sent);
    }

    @Test
    void aFailedDependencyAddedToAPendingOrderMarksItAndARemovedOneClearsIt() {
        Order failed = anOrder().status(FAILED).version(2).build();
        Order order = anOrder().dependsOn(failed.id()).build();
        store.put(failed).put(order);
        assertTrue(workflow.dependenciesChanged("rec-5", USER, order.id(), List.of(failed.id()), List.of(), WHEN));
        assertEquals(List.of(failed.id()), stored(order.id()).blockedByFailure());
        assertEquals("blocked:" + order.id() + ":" + failed.id() + ":2", sent.get(0).eventId());
        assertTrue(workflow.dependenciesChanged("rec-6", USER, order.id(), List.of(), List.of(failed.id()), WHEN));
        assertEquals(List.of(), stored(order.id()).blockedByFailure());
        assertEquals(1, sent.size());
    }

    @Test
    void aDependencyAddedToAnOrderNoLongerPendingOrAlreadyGoneChangesNothing() {
        Order failed = anOrder().status(FAILED).build();
        Order active = anOrder().status(ACTIVE).dependsOn(failed.id()).build();
        store.put(failed).put(active);
        assertTrue(workflow.dependenciesChanged("rec-7", USER, active.id(), List.of(failed.id()), List.of(), WHEN));
        assertTrue(workflow.dependenciesChanged("rec-8", USER, "gone", List.of(failed.id()), List.of(), WHEN));
        assertEquals(List.of(), sent);
        assertEquals(List.of(), stored(active.id()).blockedByFailure());
    }

    @Test
    void eventsTheQueueCouldNotTakeAskForTheRecordAgain() {
        Order failed = anOrder().status(FAILED).build();
        Order pending = anOrder().dependsOn(failed.id()).build();
        store.put(failed).put(pending);
        accepting = 0;
        assertFalse(workflow.statusChanged("rec-9", USER, failed.id(), ACTIVE, FAILED, 1, List.of(pending.id()), WHEN));
        assertFalse(workflow.dependenciesChanged("rec-10", USER, pending.id(), List.of(failed.id()), List.of(), WHEN));
    }
}
