package dev.orderchainer.orders.domain;

import dev.orderchainer.workspaces.domain.Access;
import dev.orderchainer.workspaces.domain.Action;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The order use cases: each loads what it needs, lets the orders decide, checks the graph and stores
 * the result. A write whose reads went stale (the store refuses it) is decided again from fresh reads.
 * Each takes the caller's {@link Access} to the order's workspace and names the {@link Action} it performs;
 * the workspace's permission table decides. A {@code String} in place of an access is the personal
 * workspace of that user (its owner, as the {@code /api/orders} routes and the tests have it).
 */
public final class OrderService {
    public static final int MAX_PAGE = 100;
    private static final int ATTEMPTS = 4;
    /** Levels read one batch at a time before a cycle check reads the whole graph in pages instead. */
    static final int MAX_LEVEL_READS = 16;
    private final OrderStore store;
    private final Clock clock;
    private final OrderIds ids;
    private final LongConsumer pause;
    private final Assignees assignees;

    /** For personal workspaces only (the tests' and benchmarks'): only the owner can be assigned. */
    public OrderService(OrderStore store, Clock clock) {
        this(store, clock, Assignees.PERSONAL_ONLY);
    }

    public OrderService(OrderStore store, Clock clock, Assignees assignees) {
        this(store, clock, OrderService::sleep, assignees);
    }

    /** With a chosen pause between attempts, so a test can see the backoff without waiting for it. */
    OrderService(OrderStore store, Clock clock, LongConsumer pause, Assignees assignees) {
        this.store = store;
        this.clock = clock;
        this.ids = new OrderIds(clock);
        this.pause = pause;
        this.assignees = assignees;
    }

    public OrderView create(String userId, OrderRequests.Create request) {
        return create(Access.personal(userId), request);
    }

    public OrderView create(Access access, OrderRequests.Create request) {
        OrderDraft draft = OrderDraft.of(request);
        access.require(Action.EDIT_ORDERS);
        String userId = access.workspaceId();
        requireMember(userId, draft.assignee());
        return retrying(() -> {
            DependencyStates states = new DependencyStates(store.getMany(userId, draft.dependencies()));
            states.requireExisting(draft.dependencies());
            states.requireRoomForDependent(draft.dependencies());
            Order order = Order.create(ids.next(), userId, draft, access.userId(), clock.instant());
            order.requireDependenciesCompleted(states);
            store.create(order, order.status().needsCompletedDependencies());
            return OrderView.of(order, order.blockers(states));
        });
    }

    /** Every order of the workspace, for the graph view. */
    public List<Order> all(Access access) {
        access.require(Action.READ);
        return store.all(access.workspaceId());
    }

    public OrderView get(String userId, String orderId) {
        return view(Access.personal(userId), find(userId, orderId));
    }

    /** An order already read (with the access check, in one round trip) as its view: blockers read from its dependencies. */
    public OrderView view(Access access, Order order) {
        access.require(Action.READ);
        return OrderView.of(order, order.blockers(new DependencyStates(store.getMany(access.workspaceId(), order.dependencies()))));
    }

    /** An assignee must be a member of the order's workspace. */
    private void requireMember(String workspaceId, String assignee) {
        if (assignee != null && !assignees.isMember(workspaceId, assignee)) {
            throw new AssigneeNotAMemberException(assignee);
        }
    }

    public record Listing(List<OrderView> items, String nextCursor) {}

    /** Workflow views over pending orders: ready (every dependency completed) or blocked (some not). */
    public enum ListView {
        READY, BLOCKED;

        public static Optional<ListView> parse(String value) {
            return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(value)).findFirst();
        }
    }

    /**
     * A page of orders, newest first: all, by status, or a view. A view filters a page of pending
     * orders, so its pages may hold fewer than {@code limit} items; follow next_cursor to the end.
     */
    public Listing list(String userId, Optional<OrderStatus> status, Optional<ListView> view, int limit, String cursor) {
        return list(Access.personal(userId), status, view, Optional.empty(), limit, cursor);
    }

    /** As above, in a workspace, and only the orders of {@code assignee} if given (its pages may then hold fewer too). */
    public Listing list(Access access, Optional<OrderStatus> status, Optional<ListView> view, Optional<String> assignee, int limit,
                        String cursor) {
        String userId = access.workspaceId();
        if (limit < 1 || limit > MAX_PAGE) {
            throw new OrderInputException("limit must be between 1 and " + MAX_PAGE);
        }
        if (status.isPresent() && view.isPresent()) {
            throw new OrderInputException("Use either status or view, not both (views are about pending orders)");
        }
        access.require(Action.READ);
        OrderStore.Page page = store.list(userId, view.isPresent() ? Optional.of(OrderStatus.PENDING) : status, assignee, limit, cursor);
        Set<String> dependencies = page.items().stream().flatMap(o -> o.dependencies().stream()).collect(Collectors.toSet());
        DependencyStates states = new DependencyStates(store.getMany(userId, dependencies));
        List<OrderView> items = page.items().stream()
                .filter(o -> view.isEmpty() || (view.get() == ListView.READY) == o.isReady(states))
                .map(o -> OrderView.of(o, o.blockers(states)))
                .toList();
        return new Listing(items, page.nextCursor());
    }

    public OrderView update(String userId, String orderId, OrderRequests.Update request) {
        return update(Access.personal(userId), orderId, request);
    }

    public OrderView update(Access access, String orderId, OrderRequests.Update request) {
        OrderChanges changes = OrderChanges.of(orderId, request);
        access.require(Action.EDIT_ORDERS);
        if (changes.assignee() != null) {
            requireMember(access.workspaceId(), changes.assignee().orElse(null));
        }
        return retrying(() -> apply(access.workspaceId(), find(access.workspaceId(), orderId),
                current -> current.edit(changes, access.userId(), clock.instant())));
    }

    /** Changes the service makes itself (the workflow's auto-start): updated_by stays whoever changed it last. */
    public OrderView update(String workspaceId, String orderId, OrderChanges changes) {
        return retrying(() -> apply(workspaceId, find(workspaceId, orderId), current -> current.edit(changes, clock.instant())));
    }

    private OrderView apply(String userId, Order current, Function<Order, OrderEdit> change) {
        OrderEdit edit = change.apply(current);
        Long graphVersion = edit.edgesChange() ? store.graphVersion(userId) : null;
        DependencyStates states = new DependencyStates(store.getMany(userId, edit.after().dependencies()));
        states.requireExisting(edit.added());
        states.requireRoomForDependent(edit.added());
        edit.requireDependenciesCompleted(states);
        if (!edit.added().isEmpty()) {
            CycleDetector detector = new CycleDetector(level -> store.dependenciesOf(userId, level),
                    () -> store.allDependencies(userId), MAX_LEVEL_READS);
            detector.findCycle(current.id(), edit.added()).ifPresent(cycle -> {
                throw new DependencyCycleException(cycle);
            });
        }
        store.update(edit, edit.checksDependenciesCompleted() ? Set.copyOf(edit.after().dependencies()) : Set.of(), graphVersion);
        return OrderView.of(edit.after(), edit.after().blockers(states));
    }

    public void delete(String userId, String orderId) {
        delete(Access.personal(userId), orderId);
    }

    /** A member deletes the orders it made, an admin any. */
    public void delete(Access access, String orderId) {
        access.require(Action.READ);
        String userId = access.workspaceId();
        retrying(() -> {
            Order current = find(userId, orderId);
            access.require(current.createdBy(access.userId()) ? Action.DELETE_OWN_ORDER : Action.DELETE_ANY_ORDER);
            current.requireDeletable();
            store.delete(current, clock.instant(), access.userId(), store.graphVersion(userId));
            return null;
        });
    }

    /**
     * A member left or was removed: each order of the workspace still assigned to it becomes unassigned, a change of the
     * service's own, so updated_by names the workspace itself (as the workflow's moves do; the activity log shows the
     * service). Idempotent, so a retried stream record changes nothing twice.
     *
     * @return how many orders it unassigned
     */
    public int unassign(String workspaceId, String member) {
        int unassigned = 0;
        for (String orderId : store.assignedTo(workspaceId, member)) {
            Boolean changed = retrying(() -> {
                Optional<Order> current = store.get(workspaceId, orderId);
                if (current.isEmpty() || !member.equals(current.get().assignee())) {
                    return false;
                }
                apply(workspaceId, current.get(), order -> order.edit(new OrderChanges(null, null, null, null, null, order.version(),
                        Optional.empty()), workspaceId, clock.instant()));
                return true;
            });
            unassigned += changed ? 1 : 0;
        }
        return unassigned;
    }

    /** Runs {@code attempt} again from fresh reads when the store says it raced, up to {@link #ATTEMPTS} times. */
    private <T> T retrying(Supplier<T> attempt) {
        for (int i = 1; ; i++) {
            try {
                return attempt.get();
            } catch (OrderStore.ItemTooLargeException tooLarge) {
                throw new OrderTooLargeException();
            } catch (OrderStore.ConcurrentChangeException raced) {
                if (i == ATTEMPTS) {
                    throw new ChangedMeanwhileException();
                }
                // Writers that collided on one item would collide again if they retried in step.
                pause.accept(ThreadLocalRandom.current().nextLong(5L << i));
            }
        }
    }

    /** Sleeps; an interrupt ends the pause early and stays set for the caller to see. */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Order find(String userId, String orderId) {
        if (!OrderIds.isValid(orderId)) {
            throw new OrderNotFoundException(orderId);
        }
        return store.get(userId, orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
    }
}
