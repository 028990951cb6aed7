package dev.orderchainer.orders.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.orders.domain.OrderStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderEventsTest {
    private static OrderSnapshot order(String title, OrderStatus status, List<String> dependencies) {
        return new OrderSnapshot("o1", "u1", title, "d", status, dependencies, List.of(), 1, "2026-01-01T00:00:00.123Z", null, null, null,
                null, null);
    }

    @Test
    void insertsAreCreatedAndRemovesAreDeleted() {
        OrderEvent created = OrderEvents.fromChange("e1", null, order("T", OrderStatus.PENDING, List.of()), "t").orElseThrow();
        assertEquals(OrderEvent.Type.CREATED, created.type());
        assertEquals(OrderStatus.PENDING, created.newStatus());
        OrderEvent deleted = OrderEvents.fromChange("e2", order("T", OrderStatus.FAILED, List.of()), null, "t").orElseThrow();
        assertEquals(OrderEvent.Type.DELETED, deleted.type());
        assertEquals(OrderStatus.FAILED, deleted.oldStatus());
    }

    @Test
    void modificationsNameWhatChanged() {
        OrderEvent status = OrderEvents.fromChange("e3", order("T", OrderStatus.PENDING, List.of()), order("T2", OrderStatus.ACTIVE, List.of()),
                "t").orElseThrow();
        assertEquals(OrderEvent.Type.STATUS_CHANGED, status.type());
        assertEquals(List.of("status", "title"), status.changedFields());
        assertEquals(OrderStatus.PENDING, status.oldStatus());
        assertEquals(OrderStatus.ACTIVE, status.newStatus());
        OrderEvent updated = OrderEvents.fromChange("e4", order("T", OrderStatus.PENDING, List.of()), order("T", OrderStatus.PENDING,
                List.of("o2")), "t").orElseThrow();
        assertEquals(OrderEvent.Type.UPDATED, updated.type());
        assertEquals(List.of("dependencies"), updated.changedFields());
        assertEquals("u1", updated.userId());
        assertEquals("e4", updated.eventId());
    }

    @Test
    void changesUsersDoNotSeeMakeNoEvent() {
        // For example a new dependent: only the dependents list and nothing shown changed.
        assertTrue(OrderEvents.fromChange("e5", order("T", OrderStatus.PENDING, List.of()), order("T", OrderStatus.PENDING, List.of()),
                "t").isEmpty());
    }

    @Test
    void aChangeHappenedAtItsOwnUpdateTimeElseAtTheStreamsTime() {
        assertEquals("2026-01-01T00:00:00.123Z", OrderEvents.changedAt(order("T", OrderStatus.PENDING, List.of()), "stream"));
        OrderSnapshot undated = new OrderSnapshot("o1", "u1", "T", "d", OrderStatus.PENDING, List.of(), List.of(), 1, null, null, null, null,
                null, null);
        assertEquals("stream", OrderEvents.changedAt(undated, "stream"));
        assertEquals("stream", OrderEvents.fromChange("e6", null, undated, "stream").orElseThrow().occurredAt());
    }

    @Test
    void aDeleteHappenedWhenTheLastImageSaysElseAtTheStreamsTime() {
        OrderSnapshot marked = new OrderSnapshot("o1", "u1", "T", "d", OrderStatus.PENDING, List.of(), List.of(), 1,
                "2026-01-01T00:00:00.123Z", "2026-01-02T10:11:12.345Z", null, null, null, null);
        assertEquals("2026-01-02T10:11:12.345Z", OrderEvents.fromChange("e8", marked, null, "stream").orElseThrow().occurredAt());
        assertEquals("stream", OrderEvents.fromChange("e9", order("T", OrderStatus.PENDING, List.of()), null, "stream").orElseThrow()
                .occurredAt(), "an image from before deleted_at was written");
        assertTrue(OrderEvents.fromChange("e10", order("T", OrderStatus.PENDING, List.of()), marked, "stream").isEmpty(),
                "marking the time is no change anyone sees");
    }

    @Test
    void textIsDeliveredWholeUpToTheLimitAndCutWithAnEllipsisBeyondIt() {
        assertNull(OrderEvents.deliverable(null, 5));
        assertEquals("abcde", OrderEvents.deliverable("abcde", 5));
        assertEquals("abcd…", OrderEvents.deliverable("abcdef", 5));
        // Counted in code points: an emoji outside the basic plane is one character, never split in half.
        assertEquals("😀😀😀😀😀", OrderEvents.deliverable("😀😀😀😀😀", 5));
        assertEquals("😀😀😀😀…", OrderEvents.deliverable("😀😀😀😀😀😀", 5));
        assertEquals("a\uFFFDb", OrderEvents.deliverable("a\u0000b", 5), "stored control characters are replaced");
        String title = "x".repeat(OrderEvents.MAX_TEXT + 1);
        OrderEvent event = OrderEvents.fromChange("e7", null, new OrderSnapshot("o1", "u1", title, title, OrderStatus.PENDING, List.of(),
                List.of(), 1, "t", null, null, null, null, null), "t").orElseThrow();
        assertEquals(OrderEvents.MAX_TEXT, event.title().codePointCount(0, event.title().length()));
        assertTrue(event.description().endsWith("…"));
    }

    private static OrderSnapshot teamOrder(String updatedBy, String assignee, String deletedBy) {
        return new OrderSnapshot("o1", "ws_1", "T", "d", OrderStatus.PENDING, List.of(), List.of(), 2, "2026-01-01T00:00:00.123Z", null,
                "u-ada", updatedBy, deletedBy, assignee);
    }

    @Test
    void aTeamsEventsNameTheirActorAndAssigneeAndTheServiceNobody() {
        OrderEvent created = OrderEvents.fromChange("e1", null, teamOrder("u-ada", "u-grace", null), "t").orElseThrow();
        assertEquals(new OrderEvent.Person("u-ada", null), created.actor());
        assertEquals(new OrderEvent.Person("u-grace", null), created.assignee());
        OrderEvent reassigned = OrderEvents.fromChange("e2", teamOrder("u-ada", "u-grace", null), teamOrder("u-linus", "u-ken", null), "t")
                .orElseThrow();
        assertEquals(List.of("assignee"), reassigned.changedFields());
        assertEquals("u-linus", reassigned.actor().userId());
        OrderEvent unassigned = OrderEvents.fromChange("e3", teamOrder("u-ada", "u-grace", null), teamOrder("ws_1", null, null), "t")
                .orElseThrow();
        assertNull(unassigned.actor(), "the workspace's own id is the service");
        assertNull(unassigned.assignee());
        OrderEvent deleted = OrderEvents.fromChange("e4", teamOrder("u-ada", null, "u-grace"), null, "t").orElseThrow();
        assertEquals("u-grace", deleted.actor().userId());
        OrderEvent named = created.named(Map.of("u-ada", "ada"));
        assertEquals("ada", named.actor().username());
        assertNull(named.assignee().username(), "no account, no name");
        assertNull(OrderEvents.fromChange("e5", null, order("T", OrderStatus.PENDING, List.of()), "t").orElseThrow().actor(),
                "a personal order names nobody");
    }

    @Test
    void eventTypesTravelInLowerCase() {
        assertEquals("status_changed", OrderEvent.Type.STATUS_CHANGED.wire());
        assertEquals("ready", OrderEvent.Type.READY.wire());
    }
}
