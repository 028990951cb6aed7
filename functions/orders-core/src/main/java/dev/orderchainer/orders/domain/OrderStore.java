package dev.orderchainer.orders.domain;

import java.time.Instant;
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

    /** The ids of the workspace's orders assigned to {@code assignee} (a paged read of the whole workspace). */
    List<String> assignedTo(String userId, String assignee);

    /** The user's graph version: bumped by every change to an edge. */
    long graphVersion(String userId);

    record Page(List<Order> items, String nextCursor) {}

    /**
     * Newest first; {@code status} empty for all; {@code assignee} given: only that member's orders among the {@code limit}
     * read. @throws InvalidCursorException for a cursor this listing never gave out
     */
    Page list(String userId, Optional<OrderStatus> status, Optional<String> assignee, int limit, String cursor);

    /**
     * Stores a new order and registers it as a dependent of its dependencies, in one atomic write that
     * holds only if each dependency still exists, has room for a dependent ({@link Order#hasRoomForDependent})
     * and, with {@code requireCompletedDependencies}, is completed: the race-proof half of
     * {@link DependencyStates#requireRoomForDependent} and {@link Order#requireDependenciesCompleted}. Otherwise a
     * {@link ConcurrentChangeException}: the caller re-reads and decides again.
     */
    void create(Order order, boolean requireCompletedDependencies);

    /**
     * Writes {@code edit.after()} if {@code edit.before()} is still the current version and moves the
     * edges, atomically and only if: every added dependency still exists and has room for a dependent,
     * every order in {@code requireCompleted} is completed (the race-proof half of
     * {@link Order#requireDependenciesCompleted}), and, when {@code expectedGraphVersion} is given, no other
     * edge of the user changed since it was read (the race-proof half of the cycle check). Otherwise a
     * {@link ConcurrentChangeException}.
     */
    void update(OrderEdit edit, Set<String> requireCompleted, Long expectedGraphVersion);

    /**
     * Deletes the order if it is unchanged and nothing depends on it (the race-proof half of {@link Order#requireDeletable}).
     * {@code deletedAt} and {@code deletedBy} go with the order's last image, so the deleted event and the activity log name
     * when it happened and who did it.
     */
    void delete(Order order, Instant deletedAt, String deletedBy, long expectedGraphVersion);

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
