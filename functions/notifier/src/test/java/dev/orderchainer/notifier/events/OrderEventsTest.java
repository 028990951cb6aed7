package dev.orderchainer.notifier.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrderEventsTest {
    private static OrderSnapshot order(String title, String status, List<String> dependencies) {
        return new OrderSnapshot("o1", "u1", title, "d", status, dependencies, "2026-01-01T00:00:00.123Z");
    }

    @Test
    void insertsAreCreatedAndRemovesAreDeleted() {
        OrderEvent created = OrderEvents.fromChange("e1", null, order("T", "pending", List.of()), "t").orElseThrow();
        assertEquals(OrderEvent.CREATED, created.type());
        assertEquals("pending", created.newStatus());
        OrderEvent deleted = OrderEvents.fromChange("e2", order("T", "failed", List.of()), null, "t").orElseThrow();
        assertEquals(OrderEvent.DELETED, deleted.type());
        assertEquals("failed", deleted.oldStatus());
    }

    @Test
    void modificationsNameWhatChanged() {
        OrderEvent status = OrderEvents.fromChange("e3", order("T", "pending", List.of()), order("T2", "active", List.of()), "t").orElseThrow();
        assertEquals(OrderEvent.STATUS_CHANGED, status.type());
        assertEquals(List.of("status", "title"), status.changedFields());
        assertEquals("pending", status.oldStatus());
        assertEquals("active", status.newStatus());
        OrderEvent updated = OrderEvents.fromChange("e4", order("T", "pending", List.of()), order("T", "pending", List.of("o2")), "t").orElseThrow();
        assertEquals(OrderEvent.UPDATED, updated.type());
        assertEquals(List.of("dependencies"), updated.changedFields());
        assertEquals("u1", updated.userId());
        assertEquals("e4", updated.eventId());
    }

    @Test
    void changesUsersDoNotSeeMakeNoEvent() {
        // For example a new dependent: only the dependents list and nothing shown changed.
        assertTrue(OrderEvents.fromChange("e5", order("T", "pending", List.of()), order("T", "pending", List.of()), "t").isEmpty());
    }
}
