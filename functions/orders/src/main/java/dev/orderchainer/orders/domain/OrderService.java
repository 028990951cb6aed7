package dev.orderchainer.orders.domain;

import dev.orderchainer.common.http.ApiProblem;
import dev.orderchainer.common.text.InvalidTextException;
import dev.orderchainer.common.text.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Orders and their dependency graph: validation, dependency-aware status rules, cycle detection
 * and race-free writes (a write whose reads went stale is re-validated from scratch).
 */
public final class OrderService {
    public static final int MAX_DEPENDENCIES = 50;
    /**
     * An order's item lists its dependents and DynamoDB items hold 400 KB: 10,000 ids of 26 bytes
     * (260 KB) plus the largest title, description and dependency list stay well below it.
     */
    public static final int MAX_DEPENDENTS = 10_000;
    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_PAGE = 100;
    private static final int ATTEMPTS = 4;
    /** Levels read one batch at a time before a cycle check reads the whole graph in pages instead. */
    static final int MAX_LEVEL_READS = 16;
    private final OrderStore store;
    private final Clock clock;
    private final OrderIds ids;

    public OrderService(OrderStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.ids = new OrderIds(clock);
    }

    public OrderView create(String userId, OrderRequests.Create request) {
        String title = title(request.title());
        String description = description(request.description());
        OrderStatus status = request.status() == null ? OrderStatus.PENDING : request.status();
        List<String> dependencies = dependencies(request.dependencies(), null);
        return retrying(() -> {
            Map<String, Order> found = existing(userId, dependencies);
            requireRoomForDependents(dependencies, found);
            List<String> blockedBy = blockers(dependencies, found);
            if (status.needsCompletedDependencies() && !blockedBy.isEmpty()) {
                throw blocked(status, blockedBy);
            }
            Instant now = clock.instant();
            Order order = new Order(ids.next(), userId, title, description, status, dependencies, List.of(),
                    Boolean.TRUE.equals(request.autoActivate()), List.of(), now, now, 1);
            store.create(order, status.needsCompletedDependencies());
            return OrderView.of(order, blockedBy);
        });
    }

    /** Every order of the user, for the graph view. */
    public List<Order> all(String userId) {
        return store.all(userId);
    }

    public OrderView get(String userId, String orderId) {
        Order order = find(userId, orderId);
        return OrderView.of(order, blockers(order.dependencies(), store.getMany(userId, order.dependencies())));
    }

    public record Listing(List<OrderView> items, String nextCursor) {}

    /** Workflow views over pending orders: ready (every dependency completed) or blocked (some not). */
    public enum ListView {
        READY, BLOCKED;

        public static Optional<ListView> parse(String value) {
            return java.util.Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(value)).findFirst();
        }
    }

    /**
     * A page of orders, newest first: all, by status, or a view. A view filters a page of pending
     * orders, so its pages may hold fewer than {@code limit} items; follow next_cursor to the end.
     */
    public Listing list(String userId, Optional<OrderStatus> status, Optional<ListView> view, int limit, String cursor) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ApiProblem.badRequest("limit must be between 1 and " + MAX_PAGE);
        }
        if (status.isPresent() && view.isPresent()) {
            throw ApiProblem.badRequest("Use either status or view, not both (views are about pending orders)");
        }
        OrderStore.Page page;
        try {
            page = store.list(userId, view.isPresent() ? Optional.of(OrderStatus.PENDING) : status, limit, cursor);
        } catch (IllegalArgumentException badCursor) {
            throw ApiProblem.badRequest("cursor is not valid; use the next_cursor of a previous page");
        }
        Set<String> dependencies = page.items().stream().flatMap(o -> o.dependencies().stream()).collect(Collectors.toSet());
        Map<String, Order> statuses = store.getMany(userId, dependencies);
        List<OrderView> items = page.items().stream().map(o -> OrderView.of(o, blockers(o.dependencies(), statuses)))
                .filter(o -> view.isEmpty() || (view.get() == ListView.READY) == o.blockedBy().isEmpty())
                .toList();
        return new Listing(items, page.nextCursor());
    }

    public OrderView update(String userId, String orderId, OrderRequests.Update request) {
        String title = request.title() == null ? null : title(request.title());
        String description = request.description() == null ? null : description(request.description());
        List<String> requestedDependencies = request.dependencies() == null ? null : dependencies(request.dependencies(), orderId);
        return retrying(() -> {
            Order current = find(userId, orderId);
            if (request.version() != null && request.version() != current.version()) {
                throw new ApiProblem(409, "The order is at version " + current.version() + ", not " + request.version()
                        + "; reload it and apply your change again", Map.of("current_version", current.version()), Map.of());
            }
            OrderStatus status = request.status() == null ? current.status() : request.status();
            List<String> dependencies = requestedDependencies == null ? current.dependencies() : requestedDependencies;
            Set<String> added = new LinkedHashSet<>(dependencies);
            added.removeAll(current.dependencies());
            Set<String> removed = new LinkedHashSet<>(current.dependencies());
            removed.removeAll(dependencies);
            boolean edgesChange = !added.isEmpty() || !removed.isEmpty();
            if (edgesChange && !current.status().allowsDependencyChanges()) {
                throw new ApiProblem(409, "Dependencies can change only while the order is pending or failed; it is "
                        + current.status());
            }
            if (status != current.status() && !current.status().next().contains(status)) {
                List<String> allowed = current.status().next().stream().map(OrderStatus::wire).sorted().toList();
                throw new ApiProblem(409, "An order cannot go from " + current.status() + " to " + status
                        + (allowed.isEmpty() ? "; " + current.status() + " is final" : "; allowed: " + String.join(", ", allowed)),
                        Map.of("allowed_statuses", allowed), Map.of());
            }
            if (added.size() + removed.size() > 98) {
                throw ApiProblem.badRequest("Change at most 98 dependencies in one request");
            }
            Long graphVersion = edgesChange ? store.graphVersion(userId) : null;
            Map<String, Order> found = store.getMany(userId, dependencies);
            List<String> missing = added.stream().filter(d -> !found.containsKey(d)).toList();
            if (!missing.isEmpty()) {
                throw notFound(missing);
            }
            requireRoomForDependents(added, found);
            List<String> blockedBy = blockers(dependencies, found);
            boolean checkCompleted = status.needsCompletedDependencies() && (status != current.status() || edgesChange);
            if (checkCompleted && !blockedBy.isEmpty()) {
                throw blocked(status, blockedBy);
            }
            if (!added.isEmpty()) {
                CycleDetector detector = new CycleDetector(level -> store.dependenciesOf(userId, level),
                        () -> store.allDependencies(userId), MAX_LEVEL_READS);
                Optional<List<String>> cycle = detector.findCycle(orderId, added);
                if (cycle.isPresent()) {
                    throw new ApiProblem(409, "These dependencies would create a cycle: " + String.join(" -> ", cycle.get()),
                            Map.of("cycle", cycle.get()), Map.of());
                }
            }
            Order after = new Order(current.id(), userId, title == null ? current.title() : title,
                    description == null ? current.description() : description, status, dependencies, current.dependents(),
                    request.autoActivate() == null ? current.autoActivate() : request.autoActivate(), current.blockedByFailure(),
                    current.createdAt(), clock.instant(), current.version() + 1);
            Set<String> requireCompleted = checkCompleted ? new HashSet<>(dependencies) : Set.of();
            store.update(current, after, added, removed, requireCompleted, graphVersion);
            return OrderView.of(after, blockedBy);
        });
    }

    public void delete(String userId, String orderId) {
        retrying(() -> {
            Order current = find(userId, orderId);
            if (!current.dependents().isEmpty()) {
                throw new ApiProblem(409, "Orders depend on this one: " + String.join(", ", current.dependents())
                        + "; remove those dependencies first", Map.of("dependents", current.dependents()), Map.of());
            }
            store.delete(current, store.graphVersion(userId));
            return null;
        });
    }

    /** The store's condition on each new edge is the race-proof half of this rule. */
    private static void requireRoomForDependents(Collection<String> newDependencies, Map<String, Order> found) {
        List<String> full = newDependencies.stream().filter(id -> found.get(id).dependents().size() >= MAX_DEPENDENTS).toList();
        if (!full.isEmpty()) {
            throw new ApiProblem(422, "Orders " + String.join(", ", full) + " already have " + MAX_DEPENDENTS
                    + " dependents, the most one order can have; depend on an order that depends on them instead",
                    Map.of("full", full, "max_dependents", MAX_DEPENDENTS), Map.of());
        }
    }

    private <T> T retrying(Supplier<T> attempt) {
        for (int i = 1; ; i++) {
            try {
                return attempt.get();
            } catch (OrderStore.ItemTooLargeException tooLarge) {
                throw new ApiProblem(422, "This change would make an order larger than DynamoDB stores (400 KB per order, "
                        + "mostly its dependents); remove dependents or shorten its description first");
            } catch (OrderStore.ConcurrentChangeException raced) {
                if (i == ATTEMPTS) {
                    throw new ApiProblem(409, "The orders changed while this request was applied; retry it");
                }
                // Writers that collided on one item would collide again if they retried in step.
                pause(ThreadLocalRandom.current().nextLong(5L << i));
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Order find(String userId, String orderId) {
        if (!OrderIds.isValid(orderId)) {
            throw ApiProblem.notFound("Order " + orderId + " not found");
        }
        return store.get(userId, orderId).orElseThrow(() -> ApiProblem.notFound("Order " + orderId + " not found"));
    }

    private Map<String, Order> existing(String userId, List<String> dependencies) {
        Map<String, Order> found = store.getMany(userId, dependencies);
        List<String> missing = dependencies.stream().filter(d -> !found.containsKey(d)).toList();
        if (!missing.isEmpty()) {
            throw notFound(missing);
        }
        return found;
    }

    private static List<String> blockers(Collection<String> dependencies, Map<String, Order> found) {
        List<String> blockedBy = new ArrayList<>();
        for (String dependency : dependencies) {
            Order order = found.get(dependency);
            if (order == null || order.status() != OrderStatus.COMPLETED) {
                blockedBy.add(dependency);
            }
        }
        return blockedBy;
    }

    private static ApiProblem blocked(OrderStatus status, List<String> blockedBy) {
        return new ApiProblem(409, "An order can be " + status + " only when all its dependencies are completed; not completed: "
                + String.join(", ", blockedBy), Map.of("blocked_by", blockedBy), Map.of());
    }

    private static ApiProblem notFound(List<String> missing) {
        return new ApiProblem(404, "Dependencies not found: " + String.join(", ", missing), Map.of("missing", missing), Map.of());
    }

    private static String title(String title) {
        if (title == null) {
            throw new InvalidTextException("title", "is required");
        }
        return Text.singleLine("title", title, MAX_TITLE);
    }

    private static String description(String description) {
        return description == null ? "" : Text.multiLine("description", description, MAX_DESCRIPTION);
    }

    /** Distinct, well-formed, not the order itself, at most 50. */
    private static List<String> dependencies(List<String> requested, String self) {
        if (requested == null) {
            return List.of();
        }
        if (requested.size() > MAX_DEPENDENCIES) {
            throw ApiProblem.badRequest("An order can have at most " + MAX_DEPENDENCIES + " dependencies, got " + requested.size());
        }
        Set<String> seen = new LinkedHashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        for (String dependency : requested) {
            if (dependency == null) {
                throw ApiProblem.badRequest("Field 'dependencies' must not contain null");
            }
            if (dependency.equals(self)) {
                throw ApiProblem.badRequest("An order cannot depend on itself");
            }
            if (!seen.add(dependency)) {
                repeated.add(dependency);
            }
        }
        if (!repeated.isEmpty()) {
            throw ApiProblem.badRequest("Dependencies must not repeat: " + String.join(", ", repeated));
        }
        List<String> malformed = seen.stream().filter(d -> !OrderIds.isValid(d)).toList();
        if (!malformed.isEmpty()) {
            throw notFound(malformed);
        }
        return List.copyOf(seen);
    }
}
