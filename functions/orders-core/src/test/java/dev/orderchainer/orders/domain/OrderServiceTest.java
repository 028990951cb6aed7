package dev.orderchainer.orders.domain;

import static dev.orderchainer.orders.domain.OrderStatus.ACTIVE;
import static dev.orderchainer.orders.domain.OrderStatus.COMPLETED;
import static dev.orderchainer.orders.domain.OrderStatus.PENDING;
import static dev.orderchainer.orders.testing.OrderTestData.USER;
import static dev.orderchainer.orders.testing.OrderTestData.anOrder;
import static dev.orderchainer.orders.testing.OrderTestData.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.common.text.InvalidTextException;
import dev.orderchainer.orders.testing.InMemoryOrderStore;
import dev.orderchainer.workspaces.domain.Access;
import dev.orderchainer.workspaces.domain.Role;
import dev.orderchainer.workspaces.domain.RoleTooSmallException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The use cases over the in-memory store: what is loaded, decided and stored, and what is refused. */
class OrderServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final InMemoryOrderStore store = new InMemoryOrderStore();
    private final List<Long> pauses = new ArrayList<>();
    /** Members of team workspaces, as "workspace/user"; a personal workspace's one member is its owner. */
    private final Set<String> members = new HashSet<>();
    private final OrderService service = new OrderService(store, Clock.fixed(NOW, ZoneOffset.UTC), pauses::add,
            (workspace, user) -> workspace.equals(user) || members.contains(workspace + "/" + user));

    private static OrderRequests.Create create(String title, OrderStatus status, String... dependencies) {
        return new OrderRequests.Create(title, null, status, List.of(dependencies), null);
    }

    private static OrderRequests.Update move(OrderStatus status) {
        return new OrderRequests.Update(null, null, status, null, null, null);
    }

    private static OrderRequests.Update dependOn(String... dependencies) {
        return new OrderRequests.Update(null, null, null, List.of(dependencies), null, null);
    }

    private Order stored(String id) {
        return store.get(USER, id).orElseThrow();
    }

    @Test
    void aNewOrderIsPendingAndBecomesADependentOfItsDependencies() {
        Order dependency = anOrder().build();
        store.put(dependency);
        OrderView created = service.create(USER, create("Ship", null, dependency.id()));
        assertEquals(PENDING, created.status());
        assertEquals(List.of(dependency.id()), created.blockedBy());
        assertEquals(NOW.toString(), created.createdAt());
        assertEquals(List.of(created.id()), stored(dependency.id()).dependents());
        assertEquals("", stored(created.id()).description());
    }

    @Test
    void aNewOrderNamesEveryMissingDependency() {
        String gone = newId();
        DependenciesNotFoundException missing = assertThrows(DependenciesNotFoundException.class,
                () -> service.create(USER, create("Ship", null, gone)));
        assertEquals(Map.of("missing", List.of(gone)), missing.facts());
        assertEquals(0, store.writes());
    }

    @Test
    void anotherUsersOrderIsMissingToo() {
        Order theirs = anOrder().user("someone-else").build();
        store.put(theirs);
        assertThrows(DependenciesNotFoundException.class, () -> service.create(USER, create("Ship", null, theirs.id())));
        assertThrows(OrderNotFoundException.class, () -> service.get(USER, theirs.id()));
    }

    @Test
    void aNewActiveOrderNeedsItsDependenciesCompleted() {
        Order open = anOrder().build();
        Order done = anOrder().status(COMPLETED).build();
        store.put(open).put(done);
        DependenciesNotCompletedException blocked = assertThrows(DependenciesNotCompletedException.class,
                () -> service.create(USER, create("Go", ACTIVE, done.id(), open.id())));
        assertEquals(List.of(open.id()), blocked.facts().get("blocked_by"));
        assertEquals(ACTIVE, service.create(USER, create("Go", ACTIVE, done.id())).status());
    }

    @Test
    void aDependencyWith10000DependentsTakesNoMore() {
        Order full = anOrder().dependents(Collections.nCopies(Order.MAX_DEPENDENTS, "x")).build();
        store.put(full);
        TooManyDependentsException refused = assertThrows(TooManyDependentsException.class,
                () -> service.create(USER, create("One more", null, full.id())));
        assertEquals(List.of(full.id()), refused.facts().get("full"));
        assertEquals(Order.MAX_DEPENDENTS, refused.facts().get("max_dependents"));
    }

    @Test
    void addingAFullDependencyToAnOrderIsRefusedToo() {
        Order full = anOrder().dependents(Collections.nCopies(Order.MAX_DEPENDENTS, "x")).build();
        store.put(full);
        String id = service.create(USER, create("o", null)).id();
        TooManyDependentsException refused = assertThrows(TooManyDependentsException.class, () -> service.update(USER, id, dependOn(full.id())));
        assertEquals(List.of(full.id()), refused.facts().get("full"));
        assertEquals(List.of(), stored(id).dependencies(), "nothing stored");
    }

    @Test
    void aCycleAtTheEndOfALongChainIsFoundByReadingTheWholeGraph() {
        // A chain longer than the level-by-level reads: the check falls back to the whole edge list and still finds the way back.
        Order first = anOrder().build();
        store.put(first);
        String last = first.id();
        for (int i = 0; i < OrderService.MAX_LEVEL_READS + 4; i++) {
            last = service.create(USER, create("link " + i, null, last)).id();
        }
        String end = last;
        DependencyCycleException cycle = assertThrows(DependencyCycleException.class, () -> service.update(USER, first.id(), dependOn(end)));
        List<?> path = (List<?>) cycle.facts().get("cycle");
        assertEquals(OrderService.MAX_LEVEL_READS + 6, path.size(), "the order, the chain back to it, and the order again");
        assertEquals(first.id(), path.get(0));
        assertEquals(end, path.get(1));
    }

    @Test
    void theGraphViewGetsEveryOrderOfTheUserAndNoOneElses() {
        Order mine = anOrder().build();
        store.put(mine).put(anOrder().user("someone-else").build());
        String other = service.create(USER, create("o", null, mine.id())).id();
        assertEquals(Set.of(mine.id(), other), service.all(Access.personal(USER)).stream().map(Order::id).collect(Collectors.toSet()));
        assertFalse(service.all(Access.personal("someone-else")).isEmpty());
    }

    @Test
    void aDependencyCompletedThenReopenedMeanwhileIsDecidedAgain() {
        Order dependency = anOrder().status(COMPLETED).build();
        store.put(dependency);
        // Another request reopens it between this request's read and its write: the write is refused and re-decided.
        store.beforeNextWrite(() -> store.put(anOrder().id(dependency.id()).status(ACTIVE).build()));
        assertThrows(DependenciesNotCompletedException.class, () -> service.create(USER, create("Go", ACTIVE, dependency.id())));
        assertEquals(1, store.writes(), "the second attempt is refused before it writes");
    }

    @Test
    void aCycleIsRefusedWithItsPath() {
        Order a = anOrder().build();
        store.put(a);
        Order b = store.get(USER, service.create(USER, create("b", null, a.id())).id()).orElseThrow();
        Order c = store.get(USER, service.create(USER, create("c", null, b.id())).id()).orElseThrow();
        DependencyCycleException cycle = assertThrows(DependencyCycleException.class, () -> service.update(USER, a.id(), dependOn(c.id())));
        assertEquals(List.of(a.id(), c.id(), b.id(), a.id()), cycle.facts().get("cycle"));
        assertEquals(List.of(), stored(a.id()).dependencies(), "nothing stored");
    }

    @Test
    void movingDependenciesUpdatesBothEndsAndTheGraphVersion() {
        Order old = anOrder().build();
        Order fresh = anOrder().build();
        store.put(old).put(fresh);
        String id = service.create(USER, create("o", null, old.id())).id();
        service.update(USER, id, dependOn(fresh.id()));
        assertEquals(List.of(), stored(old.id()).dependents());
        assertEquals(List.of(id), stored(fresh.id()).dependents());
        assertEquals(1, store.graphVersion(USER));
        assertEquals(2, stored(id).version());
    }

    @Test
    void addingAnUnknownDependencyIsRefused() {
        String id = service.create(USER, create("o", null)).id();
        String gone = newId();
        DependenciesNotFoundException missing = assertThrows(DependenciesNotFoundException.class,
                () -> service.update(USER, id, dependOn(gone)));
        assertEquals(List.of(gone), missing.facts().get("missing"));
    }

    @Test
    void startingAnOrderChecksItsDependenciesAndTheStoreHoldsThemCompleted() {
        Order dependency = anOrder().build();
        store.put(dependency);
        String id = service.create(USER, create("o", null, dependency.id())).id();
        assertThrows(DependenciesNotCompletedException.class, () -> service.update(USER, id, move(ACTIVE)));
        store.put(anOrder().id(dependency.id()).status(COMPLETED).dependents(List.of(id)).build());
        assertEquals(ACTIVE, service.update(USER, id, move(ACTIVE)).status());
        assertEquals(List.of(), service.get(USER, id).blockedBy());
    }

    @Test
    void aStaleVersionIsRefusedWithoutRetrying() {
        String id = service.create(USER, create("o", null)).id();
        int writes = store.writes();
        assertThrows(StaleVersionException.class,
                () -> service.update(USER, id, new OrderRequests.Update("t", null, null, null, null, 5L)));
        assertEquals(writes, store.writes());
    }

    @Test
    void aWriteThatKeepsRacingGivesUpAfterFourAttempts() {
        String id = service.create(USER, create("o", null)).id();
        int writes = store.writes();
        Runnable[] raceAgain = new Runnable[1];
        raceAgain[0] = () -> {
            Order current = stored(id);
            store.put(anOrder().id(id).version(current.version() + 1).build());
            store.beforeNextWrite(raceAgain[0]);
        };
        store.beforeNextWrite(raceAgain[0]);
        ChangedMeanwhileException refused = assertThrows(ChangedMeanwhileException.class,
                () -> service.update(USER, id, new OrderRequests.Update("t", null, null, null, null, null)));
        assertEquals("The orders changed while this request was applied; retry it", refused.getMessage());
        assertEquals(writes + 4, store.writes());
        assertEquals(3, pauses.size(), "a pause between attempts, none after the last");
        for (int i = 0; i < pauses.size(); i++) {
            long bound = 5L << (i + 1);
            assertTrue(pauses.get(i) >= 0 && pauses.get(i) < bound, "pause " + i + " within [0, " + bound + ") ms: " + pauses);
        }
    }

    @Test
    void writersThatRacedPauseForRandomTimesSoTheyDoNotCollideInStep() {
        String id = service.create(USER, create("o", null)).id();
        for (int i = 0; i < 30; i++) {
            long version = stored(id).version();
            store.beforeNextWrite(() -> store.put(anOrder().id(id).version(version + 1).build()));
            service.update(USER, id, new OrderRequests.Update("t" + i, null, null, null, null, null));
        }
        assertEquals(30, pauses.size());
        assertTrue(new HashSet<>(pauses).size() >= 3, "jittered, not in step: " + pauses);
    }

    @Test
    void thePauseSleepsAndAnInterruptEndsItEarlyAndStaysSet() {
        long start = System.nanoTime();
        OrderService.sleep(20);
        assertTrue(System.nanoTime() - start >= 20_000_000L, "slept at least the pause");
        Thread.currentThread().interrupt();
        start = System.nanoTime();
        OrderService.sleep(60_000);
        assertTrue(System.nanoTime() - start < 30_000_000_000L, "an interrupted pause returns instead of sleeping a minute");
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller (and cleared here)");
    }

    @Test
    void aWriteThatRacedOnceSucceedsOnItsSecondAttempt() {
        String id = service.create(USER, create("o", null)).id();
        store.beforeNextWrite(() -> store.put(anOrder().id(id).title("theirs").version(2).build()));
        assertEquals("mine", service.update(USER, id, new OrderRequests.Update("mine", null, null, null, null, null)).title());
        assertEquals(3, stored(id).version());
    }

    @Test
    void anOrderTooLargeToStoreIsRefusedAtOnce() {
        String id = service.create(USER, create("o", null)).id();
        store.beforeNextWrite(() -> {
            throw new OrderStore.ItemTooLargeException("400 KB");
        });
        assertThrows(OrderTooLargeException.class, () -> service.update(USER, id, new OrderRequests.Update("t", null, null, null, null,
                null)));
    }

    @Test
    void deletingRemovesTheOrderFromItsDependenciesButNotWhileOthersDependOnIt() {
        Order dependency = anOrder().build();
        store.put(dependency);
        String id = service.create(USER, create("o", null, dependency.id())).id();
        OrderHasDependentsException refused = assertThrows(OrderHasDependentsException.class,
                () -> service.delete(USER, dependency.id()));
        assertEquals(List.of(id), refused.facts().get("dependents"));
        service.delete(USER, id);
        assertEquals(Optional.empty(), store.get(USER, id));
        assertEquals(List.of(), stored(dependency.id()).dependents());
        assertEquals(1, store.graphVersion(USER));
        assertThrows(OrderNotFoundException.class, () -> service.delete(USER, id));
    }

    @Test
    void anIdThatIsNotAnOrderIdIsNotFoundWithoutAsking() {
        assertEquals("Order ../etc not found", assertThrows(OrderNotFoundException.class, () -> service.get(USER, "../etc"))
                .getMessage());
    }

    @Test
    void inputIsCheckedBeforeAnythingIsRead() {
        assertThrows(InvalidTextException.class, () -> service.create(USER, create(null, null)));
        String id = service.create(USER, create("o", null)).id();
        assertThrows(OrderInputException.class, () -> service.update(USER, id, dependOn(id)));
        assertThrows(InvalidTextException.class, () -> service.update(USER, newId(),
                new OrderRequests.Update(" ", null, null, null, null, null)), "checked before the order is looked up");
    }

    @Test
    void pagesHoldOneToOneHundredOrders() {
        for (int limit : new int[] {0, 101}) {
            OrderInputException refused = assertThrows(OrderInputException.class,
                    () -> service.list(USER, Optional.empty(), Optional.empty(), limit, null));
            assertEquals("limit must be between 1 and 100", refused.getMessage());
        }
        service.create(USER, create("o", null));
        assertEquals(1, service.list(USER, Optional.empty(), Optional.empty(), 1, null).items().size());
        assertEquals(1, service.list(USER, Optional.empty(), Optional.empty(), 100, null).items().size());
    }

    @Test
    void aListAsksForAStatusOrAViewNotBothAndAForeignCursorIsRefused() {
        assertThrows(OrderInputException.class,
                () -> service.list(USER, Optional.of(PENDING), Optional.of(OrderService.ListView.READY), 10, null));
        InvalidCursorException cursor = assertThrows(InvalidCursorException.class,
                () -> service.list(USER, Optional.empty(), Optional.empty(), 10, "garbage"));
        assertTrue(cursor.getMessage().startsWith("cursor is not valid"));
    }

    @Test
    void theReadyAndBlockedViewsSplitPendingOrdersByTheirDependencies() {
        Order done = anOrder().status(COMPLETED).build();
        Order open = anOrder().build();
        store.put(done).put(open);
        String ready = service.create(USER, create("ready", null, done.id())).id();
        String blocked = service.create(USER, create("blocked", null, open.id())).id();
        List<String> readyIds = service.list(USER, Optional.empty(), Optional.of(OrderService.ListView.READY), 100, null).items()
                .stream().map(OrderView::id).toList();
        List<String> blockedIds = service.list(USER, Optional.empty(), Optional.of(OrderService.ListView.BLOCKED), 100, null).items()
                .stream().map(OrderView::id).toList();
        assertTrue(readyIds.contains(ready) && readyIds.contains(open.id()) && !readyIds.contains(blocked), readyIds.toString());
        assertEquals(List.of(blocked), blockedIds);
        OrderService.Listing page = service.list(USER, Optional.empty(), Optional.empty(), 2, null);
        assertEquals(2, page.items().size());
        assertNull(service.list(USER, Optional.empty(), Optional.empty(), 2, page.nextCursor()).nextCursor());
    }

    @Test
    void listViewsAreNamedEitherCase() {
        assertEquals(Optional.of(OrderService.ListView.READY), OrderService.ListView.parse("Ready"));
        assertEquals(Optional.of(OrderService.ListView.BLOCKED), OrderService.ListView.parse("blocked"));
        assertEquals(Optional.empty(), OrderService.ListView.parse("done"));
    }

    private static final String TEAM = "ws_00000000000000000000abcd";
    private static final String ADA = "0a0a0a0a-0000-4000-8000-00000000000a";
    private static final String GRACE = "0b0b0b0b-0000-4000-8000-00000000000b";

    private Access in(String userId, Role role) {
        members.add(TEAM + "/" + userId);
        return new Access(TEAM, userId, role);
    }

    @Test
    void aWorkspaceOrderNamesWhoMadeItWhoChangedItAndWhomItIsAssignedTo() {
        Access ada = in(ADA, Role.MEMBER);
        Access grace = in(GRACE, Role.MEMBER);
        OrderView made = service.create(ada, new OrderRequests.Create("Ship", null, null, null, null, GRACE));
        assertEquals(List.of(ADA, ADA, GRACE), List.of(made.createdBy(), made.updatedBy(), made.assignee()));
        OrderView changed = service.update(grace, made.id(), new OrderRequests.Update("Ship it", null, null, null, null, null, ""));
        assertEquals(List.of(ADA, GRACE), List.of(changed.createdBy(), changed.updatedBy()));
        assertNull(changed.assignee());
        assertEquals(TEAM, store.get(TEAM, made.id()).orElseThrow().userId());
        assertTrue(store.get(USER, made.id()).isEmpty(), "a workspace's orders are its own");
        OrderView moved = service.update(TEAM, made.id(), OrderChanges.move(ACTIVE, changed.version()));
        assertEquals(GRACE, moved.updatedBy(), "the workflow's own moves keep who changed it last");
    }

    @Test
    void onlyAMemberCanBeAssigned() {
        Access ada = in(ADA, Role.MEMBER);
        String outsider = "0c0c0c0c-0000-4000-8000-00000000000c";
        assertThrows(AssigneeNotAMemberException.class, () -> service.create(ada, new OrderRequests.Create("x", null, null, null, null,
                outsider)));
        assertThrows(AssigneeNotAMemberException.class, () -> service.create(ada, new OrderRequests.Create("x", null, null, null, null,
                "not a user id")));
        String id = service.create(ada, new OrderRequests.Create("x", null, null, null, null, ADA)).id();
        assertThrows(AssigneeNotAMemberException.class, () -> service.update(ada, id, new OrderRequests.Update(null, null, null, null, null,
                null, outsider)));
        assertEquals(ADA, store.get(TEAM, id).orElseThrow().assignee(), "a refused change changes nothing");
        assertEquals(GRACE, service.create(GRACE, new OrderRequests.Create("Mine", null, null, null, null, GRACE)).assignee(),
                "in a personal workspace its owner");
        assertThrows(AssigneeNotAMemberException.class, () -> service.create(GRACE, new OrderRequests.Create("Mine", null, null, null, null,
                ADA)));
    }

    @Test
    void theRoleDecidesWhoReadsWritesAndDeletes() {
        Access ada = in(ADA, Role.MEMBER);
        Access viewer = in(GRACE, Role.VIEWER);
        Access admin = in("0d0d0d0d-0000-4000-8000-00000000000d", Role.ADMIN);
        String adas = service.create(ada, create("Ada's", null)).id();
        String admins = service.create(admin, create("The admin's", null)).id();
        assertThrows(RoleTooSmallException.class, () -> service.create(viewer, create("x", null)));
        assertThrows(RoleTooSmallException.class, () -> service.update(viewer, adas, new OrderRequests.Update("x", null, null, null, null,
                null)));
        assertThrows(RoleTooSmallException.class, () -> service.delete(viewer, adas));
        assertThrows(RoleTooSmallException.class, () -> service.delete(ada, admins));
        assertEquals(2, service.list(viewer, Optional.empty(), Optional.empty(), Optional.empty(), 10, null).items().size());
        assertEquals(2, service.all(viewer).size());
        service.delete(ada, adas);
        service.delete(admin, admins);
        assertTrue(service.all(viewer).isEmpty());
    }

    @Test
    void aListingByAssigneeHoldsOnlyThatMembersOrders() {
        Access ada = in(ADA, Role.MEMBER);
        in(GRACE, Role.MEMBER);
        String hers = service.create(ada, new OrderRequests.Create("Hers", null, null, null, null, GRACE)).id();
        service.create(ada, create("Nobody's", null));
        assertEquals(List.of(hers), service.list(ada, Optional.empty(), Optional.empty(), Optional.of(GRACE), 10, null).items().stream()
                .map(OrderView::id).toList());
    }

    @Test
    void aMemberWhoLeavesIsUnassignedEverywhereOnceAndOnlyThere() {
        Access ada = in(ADA, Role.MEMBER);
        in(GRACE, Role.MEMBER);
        String first = service.create(ada, new OrderRequests.Create("First", null, null, null, null, GRACE)).id();
        String second = service.create(ada, new OrderRequests.Create("Second", null, null, null, null, GRACE)).id();
        String adas = service.create(ada, new OrderRequests.Create("Ada's", null, null, null, null, ADA)).id();
        String personal = service.create(GRACE, new OrderRequests.Create("Grace's own", null, null, null, null, GRACE)).id();
        assertEquals(2, service.unassign(TEAM, GRACE));
        assertNull(store.get(TEAM, first).orElseThrow().assignee());
        assertNull(store.get(TEAM, second).orElseThrow().assignee());
        assertEquals(TEAM, store.get(TEAM, first).orElseThrow().updatedBy(), "a change of the service's own names the workspace");
        assertEquals(ADA, store.get(TEAM, adas).orElseThrow().assignee());
        assertEquals(GRACE, store.get(GRACE, personal).orElseThrow().assignee(), "other workspaces keep theirs");
        assertEquals(0, service.unassign(TEAM, GRACE), "a replayed record changes nothing");
    }

    @Test
    void anOrderReassignedBeforeTheUnassignReachesItKeepsItsNewAssignee() {
        Access ada = in(ADA, Role.MEMBER);
        in(GRACE, Role.MEMBER);
        String id = service.create(ada, new OrderRequests.Create("x", null, null, null, null, GRACE)).id();
        store.beforeNextWrite(() -> store.update(store.get(TEAM, id).orElseThrow().edit(new OrderChanges(null, null, null, null, null, null,
                Optional.of(ADA)), ADA, NOW), Set.of(), null));
        assertEquals(0, service.unassign(TEAM, GRACE));
        assertEquals(ADA, store.get(TEAM, id).orElseThrow().assignee());
    }
}
