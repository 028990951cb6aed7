package dev.orderchainer.orders.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Where a user's orders and dependency edges live. All reads are strongly consistent. */
public interface OrderStore {
    Optional<Order> get(String userId, String orderId);

    /** The orders of these ids that exist for this user (any others are simply absent). */
    Map<String, Order> getMany(String userId, Collection<String> orderIds);

    /** Only the dependency lists, for walking the graph. */
    Map<String, List<String>> dependenciesOf(String userId, Collection<String> orderIds);

    /** Every order of this user (paged reads), for whole-graph views. */
    List<Order> all(String userId);

    /** Every order's dependency list for this user, for walks too deep to read level by level. */
    Map<String, List<String>> allDependencies(String userId);

    /** The user's graph version: bumped by every change to an edge. */
    long graphVersion(String userId);

    record Page(List<Order> items, String nextCursor) {}

    /** Newest first; {@code status} empty for all. @throws IllegalArgumentException for a bad cursor */
    Page list(String userId, Optional<OrderStatus> status, int limit, String cursor);

    /**
     * Stores a new order and registers it as a dependent of its dependencies; each dependency must
     * still exist and have fewer than {@link OrderService#MAX_DEPENDENTS} dependents (else a
     * {@link ConcurrentChangeException}: the caller re-reads and re-checks).
     */
    void create(Order order, boolean requireCompletedDependencies);

    /**
     * Writes {@code after} if {@code before} is still current, moves the edges and, when
     * {@code expectedGraphVersion} is given, only if no other edge changed meanwhile.
     */
    void update(Order before, Order after, Set<String> added, Set<String> removed, Set<String> requireCompleted,
                Long expectedGraphVersion);

    /** Deletes the order if it is unchanged and nothing depends on it. */
    void delete(Order order, long expectedGraphVersion);

    /** Records that {@code failedDependency} failed, on a dependent (idempotent; a deleted dependent is skipped). */
    void addBlockedByFailure(String userId, String orderId, String failedDependency);

    /** Clears that mark again (idempotent). */
    void removeBlockedByFailure(String userId, String orderId, String failedDependency);

    /** DynamoDB refused a write because an item would outgrow its 400 KB limit: retrying cannot help. */
    final class ItemTooLargeException extends RuntimeException {
        public ItemTooLargeException(String message) {
            super(message, null, false, false);
        }
    }

    /** A conditional write lost a race; the caller re-reads and re-validates. */
    final class ConcurrentChangeException extends RuntimeException {
        public ConcurrentChangeException(String message) {
            super(message, null, false, false);
        }
    }
}
