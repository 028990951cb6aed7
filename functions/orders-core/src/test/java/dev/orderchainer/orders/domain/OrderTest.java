package dev.orderchainer.orders.domain;

import static dev.orderchainer.orders.domain.OrderStatus.ACTIVE;
import static dev.orderchainer.orders.domain.OrderStatus.COMPLETED;
import static dev.orderchainer.orders.domain.OrderStatus.FAILED;
import static dev.orderchainer.orders.domain.OrderStatus.PENDING;
import static dev.orderchainer.orders.testing.OrderTestData.anOrder;
import static dev.orderchainer.orders.testing.OrderTestData.newId;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules an order decides by itself, without any store. */
class OrderTest {
    private static final Instant LATER = Instant.parse("2026-11-25T11:00:00Z");

    private static OrderChanges status(OrderStatus status) {
        return new OrderChanges(null, null, status, null, null, null);
    }

    private static OrderChanges dependencies(List<String> dependencies) {
        return new OrderChanges(null, null, null, dependencies, null, null);
    }

    @ParameterizedTest
    @CsvSource({"PENDING,ACTIVE", "PENDING,FAILED", "ACTIVE,COMPLETED", "ACTIVE,FAILED", "ACTIVE,PENDING", "FAILED,PENDING",
            "PENDING,PENDING", "COMPLETED,COMPLETED"})
    void movesAlongTheLifecycle(OrderStatus from, OrderStatus to) {
        OrderEdit edit = anOrder().status(from).build().edit(status(to), LATER);
        assertEquals(to, edit.after().status());
    }

    @ParameterizedTest
    @CsvSource({"PENDING,COMPLETED,'active, failed'", "FAILED,ACTIVE,pending", "FAILED,COMPLETED,pending",
            "COMPLETED,PENDING,", "COMPLETED,ACTIVE,", "COMPLETED,FAILED,"})
    void refusesAMoveTheLifecycleDoesNotHaveNamingTheAllowedOnes(OrderStatus from, OrderStatus to, String allowed) {
        Order order = anOrder().status(from).build();
        MoveNotAllowedException refused = assertThrows(MoveNotAllowedException.class, () -> order.edit(status(to), LATER));
        List<String> expected = allowed == null ? List.of() : List.of(allowed.split(", "));
        assertEquals(Map.of("allowed_statuses", expected), refused.facts());
        assertTrue(refused.getMessage().startsWith("An order cannot go from " + from + " to " + to), refused.getMessage());
        assertTrue(refused.getMessage().endsWith(allowed == null ? "completed is final" : "allowed: " + allowed), refused.getMessage());
    }

    @Test
    void aChangeMadeAgainstAnOlderVersionIsRefusedWithTheCurrentOne() {
        Order order = anOrder().version(3).build();
        StaleVersionException stale = assertThrows(StaleVersionException.class,
                () -> order.edit(new OrderChanges("new", null, null, null, null, 2L), LATER));
        assertEquals(Map.of("current_version", 3L), stale.facts());
        assertEquals("The order is at version 3, not 2; reload it and apply your change again", stale.getMessage());
        assertEquals("new", order.edit(new OrderChanges("new", null, null, null, null, 3L), LATER).after().title());
    }

    @ParameterizedTest
    @CsvSource({"ACTIVE", "COMPLETED"})
    void dependenciesAreLockedOutsidePendingAndFailed(OrderStatus status) {
        String dependency = newId();
        Order order = anOrder().status(status).dependsOn(dependency).build();
        DependenciesLockedException locked = assertThrows(DependenciesLockedException.class,
                () -> order.edit(dependencies(List.of()), LATER));
        assertTrue(locked.getMessage().endsWith("it is " + status), locked.getMessage());
        assertThrows(DependenciesLockedException.class, () -> order.edit(dependencies(List.of(dependency, newId())), LATER));
        assertEquals(order.dependencies(), order.edit(dependencies(List.of(dependency)), LATER).after().dependencies(),
                "the same list is no change");
    }

    @ParameterizedTest
    @CsvSource({"PENDING", "FAILED"})
    void dependenciesChangeWhilePendingOrFailedNamingWhatIsAddedAndRemoved(OrderStatus status) {
        String kept = newId();
        String dropped = newId();
        String added = newId();
        OrderEdit edit = anOrder().status(status).dependsOn(kept, dropped).build().edit(dependencies(List.of(kept, added)), LATER);
        assertEquals(Set.of(added), edit.added());
        assertEquals(Set.of(dropped), edit.removed());
        assertTrue(edit.edgesChange());
        assertEquals(List.of(kept, added), edit.after().dependencies());
    }

    @Test
    void oneRequestMovesAtMost98Edges() {
        List<String> old = IntStream.range(0, 49).mapToObj(i -> newId()).toList();
        List<String> fresh = IntStream.range(0, 49).mapToObj(i -> newId()).toList();
        Order order = anOrder().dependsOn(old).build();
        assertEquals(98, order.edit(dependencies(fresh), LATER).added().size() + 49);
        List<String> fifty = IntStream.range(0, 50).mapToObj(i -> newId()).toList();
        OrderInputException tooMany = assertThrows(OrderInputException.class, () -> order.edit(dependencies(fifty), LATER));
        assertEquals("Change at most 98 dependencies in one request", tooMany.getMessage());
    }

    @Test
    void anEditKeepsWhatItDoesNotChangeAndMovesTheVersionOn() {
        Order order = anOrder().title("old").dependsOn(newId()).dependents(List.of(newId())).blockedByFailure(newId()).version(7)
                .build();
        Order after = order.edit(new OrderChanges(null, "new text", null, null, true, null), LATER).after();
        assertEquals("old", after.title());
        assertEquals("new text", after.description());
        assertTrue(after.autoActivate());
        assertEquals(order.dependencies(), after.dependencies());
        assertEquals(order.dependents(), after.dependents());
        assertEquals(order.blockedByFailure(), after.blockedByFailure());
        assertEquals(order.createdAt(), after.createdAt());
        assertEquals(LATER, after.updatedAt());
        assertEquals(8, after.version());
        assertFalse(order.edit(new OrderChanges(null, null, null, null, false, null), LATER).after().autoActivate());
        assertEquals(order.autoActivate(), order.edit(status(null), LATER).after().autoActivate());
    }

    @Test
    void anOrderOthersDependOnCannotBeDeleted() {
        String dependent = newId();
        OrderHasDependentsException refused = assertThrows(OrderHasDependentsException.class,
                () -> anOrder().dependents(List.of(dependent)).build().requireDeletable());
        assertEquals(Map.of("dependents", List.of(dependent)), refused.facts());
        assertDoesNotThrow(() -> anOrder().build().requireDeletable());
    }

    @Test
    void blockersAreTheDependenciesNotCompletedOrGoneInTheOrdersOwnOrder() {
        Order done = anOrder().status(COMPLETED).build();
        Order open = anOrder().status(ACTIVE).build();
        String gone = newId();
        Order order = anOrder().dependsOn(open.id(), done.id(), gone).build();
        DependencyStates states = new DependencyStates(Map.of(done.id(), done, open.id(), open));
        assertEquals(List.of(open.id(), gone), order.blockers(states));
        assertFalse(order.isReady(states));
    }

    @Test
    void aPendingOrderWithEveryDependencyCompletedIsReadyAndOnlyThen() {
        Order done = anOrder().status(COMPLETED).build();
        DependencyStates states = new DependencyStates(Map.of(done.id(), done));
        assertTrue(anOrder().dependsOn(done.id()).build().isReady(states));
        assertTrue(anOrder().build().isReady(states), "no dependencies: ready at once");
        for (OrderStatus other : List.of(ACTIVE, COMPLETED, FAILED)) {
            assertFalse(anOrder().status(other).dependsOn(done.id()).build().isReady(states), other.wire());
        }
    }

    @ParameterizedTest
    @CsvSource({"ACTIVE", "COMPLETED"})
    void activeAndCompletedNeedEveryDependencyCompleted(OrderStatus status) {
        Order open = anOrder().status(PENDING).build();
        Order order = anOrder().status(status).dependsOn(open.id()).build();
        DependenciesNotCompletedException blocked = assertThrows(DependenciesNotCompletedException.class,
                () -> order.requireDependenciesCompleted(new DependencyStates(Map.of(open.id(), open))));
        assertEquals(Map.of("blocked_by", List.of(open.id())), blocked.facts());
        assertEquals("An order can be " + status + " only when all its dependencies are completed; not completed: " + open.id(),
                blocked.getMessage());
        Order done = anOrder().id(open.id()).status(COMPLETED).build();
        assertDoesNotThrow(() -> order.requireDependenciesCompleted(new DependencyStates(Map.of(done.id(), done))));
    }

    @ParameterizedTest
    @CsvSource({"PENDING", "FAILED"})
    void pendingAndFailedOrdersMayWaitOnAnything(OrderStatus status) {
        assertDoesNotThrow(() -> anOrder().status(status).dependsOn(newId()).build()
                .requireDependenciesCompleted(new DependencyStates(Map.of())));
    }

    @Test
    void theRuleIsCheckedWhenAnOrderEntersActiveOrCompletedOrItsDependenciesChangeThere() {
        Order pending = anOrder().dependsOn(newId()).build();
        assertTrue(pending.edit(status(ACTIVE), LATER).checksDependenciesCompleted());
        assertFalse(pending.edit(status(FAILED), LATER).checksDependenciesCompleted());
        assertFalse(pending.edit(dependencies(List.of(newId())), LATER).checksDependenciesCompleted(), "still pending");
        Order active = anOrder().status(ACTIVE).dependsOn(newId()).build();
        assertTrue(active.edit(status(COMPLETED), LATER).checksDependenciesCompleted());
        assertFalse(active.edit(new OrderChanges("renamed", null, null, null, null, null), LATER).checksDependenciesCompleted(),
                "an active order keeps going when only its text changes");
        assertDoesNotThrow(() -> active.edit(new OrderChanges("renamed", null, null, null, null, null), LATER)
                .requireDependenciesCompleted(new DependencyStates(Map.of())));
        assertThrows(DependenciesNotCompletedException.class,
                () -> pending.edit(status(ACTIVE), LATER).requireDependenciesCompleted(new DependencyStates(Map.of())));
    }

    @Test
    void anOrderHoldsAtMost10000Dependents() {
        List<String> almost = Collections.nCopies(Order.MAX_DEPENDENTS - 1, "x");
        assertTrue(anOrder().dependents(almost).build().hasRoomForDependent());
        List<String> full = Collections.nCopies(Order.MAX_DEPENDENTS, "x");
        assertFalse(anOrder().dependents(full).build().hasRoomForDependent());
    }

    @Test
    void aNewOrderStartsAtVersionOneWithoutDependents() {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        String dependency = newId();
        Order order = Order.create("id", "user", new OrderDraft("t", "d", ACTIVE, List.of(dependency), true, null), "user", now);
        assertEquals(new Order("id", "user", "t", "d", ACTIVE, List.of(dependency), List.of(), true, List.of(), now, now, 1), order);
    }
}
