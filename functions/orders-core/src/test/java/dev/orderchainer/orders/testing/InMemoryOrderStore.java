package dev.orderchainer.orders.testing;

import dev.orderchainer.orders.domain.InvalidCursorException;
import dev.orderchainer.orders.domain.Order;
import dev.orderchainer.orders.domain.OrderEdit;
import dev.orderchainer.orders.domain.OrderStatus;
import dev.orderchainer.orders.domain.OrderStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The order store in memory, for rule tests that run in milliseconds. It keeps the same write
 * conditions as the DynamoDB store (versions, edges on both ends, room for dependents, completed
 * dependencies, the graph version), so a test can slip a write in between a read and a write with
 * {@link #beforeNextWrite(Runnable)} and see the service decide again. Not thread-safe beyond
 * one writer at a time (synchronized); races between threads belong to the DynamoDB Local tests.
 */
public final class InMemoryOrderStore implements OrderStore {
    private final Map<String, Map<String, Order>> orders = new HashMap<>();
    private final Map<String, Long> graphVersions = new HashMap<>();
    private final AtomicInteger writes = new AtomicInteger();
    private Runnable beforeNextWrite;

    /** Puts an order as it is, no conditions (test setup). */
    public synchronized InMemoryOrderStore put(Order order) {
        of(order.userId()).put(order.id(), order);
        return this;
    }

    /** Runs {@code change} once, just before the next write is checked: another request that came first. */
    public synchronized void beforeNextWrite(Runnable change) {
        this.beforeNextWrite = change;
    }

    /** Writes attempted (refused ones included). */
    public int writes() {
        return writes.get();
    }

    private Map<String, Order> of(String userId) {
        return orders.computeIfAbsent(userId, u -> new LinkedHashMap<>());
    }

    @Override
    public synchronized Optional<Order> get(String userId, String orderId) {
        return Optional.ofNullable(of(userId).get(orderId));
    }

    @Override
    public synchronized Map<String, Order> getMany(String userId, Collection<String> orderIds) {
        Map<String, Order> found = new LinkedHashMap<>();
        orderIds.forEach(id -> Optional.ofNullable(of(userId).get(id)).ifPresent(o -> found.put(id, o)));
        return found;
    }

    @Override
    public synchronized Map<String, List<String>> dependenciesOf(String userId, Collection<String> orderIds) {
        Map<String, List<String>> found = new HashMap<>();
        getMany(userId, orderIds).forEach((id, order) -> found.put(id, order.dependencies()));
        return found;
    }

    @Override
    public synchronized List<Order> all(String userId) {
        return List.copyOf(of(userId).values());
    }

    @Override
    public synchronized Map<String, List<String>> allDependencies(String userId) {
        return dependenciesOf(userId, of(userId).keySet());
    }

    @Override
    public synchronized List<String> assignedTo(String userId, String assignee) {
        return of(userId).values().stream().filter(o -> assignee.equals(o.assignee())).map(Order::id).toList();
    }

    @Override
    public synchronized long graphVersion(String userId) {
        return graphVersions.getOrDefault(userId, 0L);
    }

    @Override
    public synchronized Page list(String userId, Optional<OrderStatus> status, Optional<String> assignee, int limit, String cursor) {
        List<Order> newestFirst = of(userId).values().stream().filter(o -> status.isEmpty() || o.status() == status.get())
                .sorted(Comparator.comparing(Order::id).reversed()).toList();
        int from = 0;
        if (cursor != null) {
            if (!cursor.startsWith("after:")) {
                throw new InvalidCursorException("not written by this store");
            }
            String after = cursor.substring("after:".length());
            from = (int) newestFirst.stream().takeWhile(o -> o.id().compareTo(after) >= 0).count();
        }
        List<Order> page = newestFirst.subList(from, Math.min(newestFirst.size(), from + limit));
        String next = from + limit < newestFirst.size() ? "after:" + page.get(page.size() - 1).id() : null;
        // As DynamoDB's filter: applied to the items read, so a page may hold fewer.
        return new Page(page.stream().filter(o -> assignee.isEmpty() || assignee.get().equals(o.assignee())).toList(), next);
    }

    @Override
    public synchronized void create(Order order, boolean requireCompletedDependencies) {
        beginWrite();
        Map<String, Order> mine = of(order.userId());
        require(!mine.containsKey(order.id()), "order id collision");
        for (String dependency : order.dependencies()) {
            requireCanGainDependent(mine.get(dependency), requireCompletedDependencies);
        }
        mine.put(order.id(), order);
        order.dependencies().forEach(d -> mine.put(d, withDependents(mine.get(d), order.id(), true)));
    }

    @Override
    public synchronized void update(OrderEdit edit, Set<String> requireCompleted, Long expectedGraphVersion) {
        beginWrite();
        Order after = edit.after();
        Map<String, Order> mine = of(after.userId());
        Order current = mine.get(after.id());
        require(current != null && current.version() == edit.before().version(), "order changed");
        for (String dependency : edit.added()) {
            requireCanGainDependent(mine.get(dependency), requireCompleted.contains(dependency));
        }
        for (String dependency : edit.removed()) {
            require(mine.containsKey(dependency), "removed dependency gone");
        }
        for (String dependency : requireCompleted) {
            require(mine.containsKey(dependency) && mine.get(dependency).status() == OrderStatus.COMPLETED,
                    "dependency not completed");
        }
        if (expectedGraphVersion != null) {
            require(graphVersion(after.userId()) == expectedGraphVersion, "graph changed");
            graphVersions.put(after.userId(), expectedGraphVersion + 1);
        }
        // Dependents and failure marks belong to other writers: kept from the stored order, as DynamoDB's update does.
        mine.put(after.id(), new Order(after.id(), after.userId(), after.title(), after.description(), after.status(),
                after.dependencies(), current.dependents(), after.autoActivate(), current.blockedByFailure(), after.createdAt(),
                after.updatedAt(), after.version(), after.createdBy(), after.updatedBy(), after.assignee()));
        edit.added().forEach(d -> mine.put(d, withDependents(mine.get(d), after.id(), true)));
        edit.removed().forEach(d -> mine.put(d, withDependents(mine.get(d), after.id(), false)));
    }

    @Override
    public synchronized void delete(Order order, Instant deletedAt, String deletedBy, long expectedGraphVersion) {
        beginWrite();
        Map<String, Order> mine = of(order.userId());
        Order current = mine.get(order.id());
        require(current != null && current.version() == order.version() && current.dependents().isEmpty(), "order changed");
        require(graphVersion(order.userId()) == expectedGraphVersion, "graph changed");
        graphVersions.put(order.userId(), expectedGraphVersion + 1);
        mine.remove(order.id());
        order.dependencies().forEach(d -> mine.computeIfPresent(d, (id, o) -> withDependents(o, order.id(), false)));
    }

    @Override
    public synchronized void addBlockedByFailure(String userId, String orderId, String failedDependency) {
        of(userId).computeIfPresent(orderId, (id, o) -> withFailure(o, failedDependency, true));
    }

    @Override
    public synchronized void removeBlockedByFailure(String userId, String orderId, String failedDependency) {
        of(userId).computeIfPresent(orderId, (id, o) -> withFailure(o, failedDependency, false));
    }

    private void beginWrite() {
        writes.incrementAndGet();
        Runnable change = beforeNextWrite;
        beforeNextWrite = null;
        if (change != null) {
            change.run();
        }
    }

    private static void requireCanGainDependent(Order dependency, boolean mustBeCompleted) {
        require(dependency != null && dependency.hasRoomForDependent()
                && (!mustBeCompleted || dependency.status() == OrderStatus.COMPLETED), "dependency changed");
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new ConcurrentChangeException(what);
        }
    }

    private static Order withDependents(Order order, String dependent, boolean add) {
        TreeSet<String> dependents = new TreeSet<>(order.dependents());
        if (add) {
            dependents.add(dependent);
        } else {
            dependents.remove(dependent);
        }
        return new Order(order.id(), order.userId(), order.title(), order.description(), order.status(), order.dependencies(),
                new ArrayList<>(dependents), order.autoActivate(), order.blockedByFailure(), order.createdAt(), order.updatedAt(),
                order.version(), order.createdBy(), order.updatedBy(), order.assignee());
    }

    private static Order withFailure(Order order, String failed, boolean add) {
        TreeSet<String> marks = new TreeSet<>(order.blockedByFailure());
        if (add) {
            marks.add(failed);
        } else {
            marks.remove(failed);
        }
        return new Order(order.id(), order.userId(), order.title(), order.description(), order.status(), order.dependencies(),
                order.dependents(), order.autoActivate(), new ArrayList<>(marks), order.createdAt(), order.updatedAt(),
                order.version(), order.createdBy(), order.updatedBy(), order.assignee());
    }
}
