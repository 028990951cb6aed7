package dev.orderchainer.orders.domain;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The order use cases: each loads what it needs, lets the orders decide, checks the graph and stores
 * the result. A write whose reads went stale (the store refuses it) is decided again from fresh reads.
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

    public OrderService(OrderStore store, Clock clock) {
        this(store, clock, OrderService::sleep);
    }

    /** With a chosen pause between attempts, so a test can see the backoff without waiting for it. */
    OrderService(OrderStore store, Clock clock, LongConsumer pause) {
        this.store = store;
        this.clock = clock;
        this.ids = new OrderIds(clock);
        this.pause = pause;
    }

    public OrderView create(String userId, OrderRequests.Create request) {
        OrderDraft draft = OrderDraft.of(request);
        return retrying(() -> {
            DependencyStates states = new DependencyStates(store.getMany(userId, draft.dependencies()));
            states.requireExisting(draft.dependencies());
            states.requireRoomForDependent(draft.dependencies());
            Order order = Order.create(ids.next(), userId, draft, clock.instant());
            order.requireDependenciesCompleted(states);
            store.create(order, order.status().needsCompletedDependencies());
            return OrderView.of(order, order.blockers(states));
        });
    }

    /** Every order of the user, for the graph view. */
    public List<Order> all(String userId) {
        return store.all(userId);
    }

    public OrderView get(String userId, String orderId) {
        return view(userId, find(userId, orderId));
    }

    /** An order already read (with the session check, in one round trip) as its view: blockers read from its dependencies. */
    public OrderView view(String userId, Order order) {
        return OrderView.of(order, order.blockers(new DependencyStates(store.getMany(userId, order.dependencies()))));
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
        if (limit < 1 || limit > MAX_PAGE) {
            throw new OrderInputException("limit must be between 1 and " + MAX_PAGE);
        }
        if (status.isPresent() && view.isPresent()) {
            throw new OrderInputException("Use either status or view, not both (views are about pending orders)");
        }
        OrderStore.Page page = store.list(userId, view.isPresent() ? Optional.of(OrderStatus.PENDING) : status, limit, cursor);
        Set<String> dependencies = page.items().stream().flatMap(o -> o.dependencies().stream()).collect(Collectors.toSet());
        DependencyStates states = new DependencyStates(store.getMany(userId, dependencies));
        List<OrderView> items = page.items().stream()
                .filter(o -> view.isEmpty() || (view.get() == ListView.READY) == o.isReady(states))
                .map(o -> OrderView.of(o, o.blockers(states)))
                .toList();
        return new Listing(items, page.nextCursor());
    }

    public OrderView update(String userId, String orderId, OrderRequests.Update request) {
        return update(userId, orderId, OrderChanges.of(orderId, request));
    }

    /** Changes already checked as input (the workflow's auto-start, for one). */
    public OrderView update(String userId, String orderId, OrderChanges changes) {
        return retrying(() -> apply(userId, find(userId, orderId), changes));
    }

    private OrderView apply(String userId, Order current, OrderChanges changes) {
        OrderEdit edit = current.edit(changes, clock.instant());
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
        retrying(() -> {
            Order current = find(userId, orderId);
            current.requireDeletable();
            store.delete(current, clock.instant(), store.graphVersion(userId));
            return null;
        });
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
