package dev.orderchainer.orders.domain;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An order as stored: its own fields, its dependencies, the orders that depend on it, whether it
 * starts by itself once ready, and which of its dependencies failed (kept by the workflow). It decides
 * its own moves and dependency edits; what needs other orders (their states, the graph) it is given.
 * {@code userId} is its workspace's id (the owner's user id in the personal workspace); {@code createdBy}
 * and {@code updatedBy} are members' user ids, {@code assignee} a member's or null.
 */
public record Order(
        String id,
        String userId,
        String title,
        String description,
        OrderStatus status,
        List<String> dependencies,
        List<String> dependents,
        boolean autoActivate,
        List<String> blockedByFailure,
        Instant createdAt,
        Instant updatedAt,
        long version,
        String createdBy,
        String updatedBy,
        String assignee) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_DEPENDENCIES = 50;
    /**
     * An order's item lists its dependents and DynamoDB items hold 400 KB: 10,000 ids of 26 bytes
     * (260 KB) plus the largest title, description and dependency list stay well below it.
     */
    public static final int MAX_DEPENDENTS = 10_000;
    /** Edges one update may move: each is a write in one transaction of at most 100 (plus the order and the graph version). */
    public static final int MAX_EDGE_CHANGES = 98;

    public Order {
        dependencies = List.copyOf(dependencies);
        dependents = List.copyOf(dependents);
        blockedByFailure = List.copyOf(blockedByFailure);
    }

    /** An order of a personal workspace as stored before workspaces: made by its owner, assigned to nobody. */
    public Order(String id, String userId, String title, String description, OrderStatus status, List<String> dependencies,
                 List<String> dependents, boolean autoActivate, List<String> blockedByFailure, Instant createdAt, Instant updatedAt,
                 long version) {
        this(id, userId, title, description, status, dependencies, dependents, autoActivate, blockedByFailure, createdAt, updatedAt,
                version, userId, userId, null);
    }

    /** A new order at version 1 of the workspace {@code workspaceId}, made by {@code actor}, with no dependents yet. */
    public static Order create(String id, String workspaceId, OrderDraft draft, String actor, Instant now) {
        return new Order(id, workspaceId, draft.title(), draft.description(), draft.status(), draft.dependencies(), List.of(),
                draft.autoActivate(), List.of(), now, now, 1, actor, actor, draft.assignee());
    }

    /** Whether {@code userId} made it (a member may delete what it made). */
    public boolean createdBy(String userId) {
        return createdBy.equals(userId);
    }

    /**
     * The order after {@code changes}, decided here: the version must be current, dependencies may only
     * change while pending or failed, and the status only along {@link OrderStatus#next()}. What needs the
     * dependencies' states or the graph is left to {@link OrderEdit} and the service.
     */
    public OrderEdit edit(OrderChanges changes, Instant now) {
        return edit(changes, updatedBy, now);
    }

    /** As {@link #edit(OrderChanges, Instant)}, made by the member {@code actor}. */
    public OrderEdit edit(OrderChanges changes, String actor, Instant now) {
        if (changes.version() != null && changes.version() != version) {
            throw new StaleVersionException(version, changes.version());
        }
        OrderStatus newStatus = changes.status() == null ? status : changes.status();
        List<String> newDependencies = changes.dependencies() == null ? dependencies : changes.dependencies();
        Set<String> added = new LinkedHashSet<>(newDependencies);
        added.removeAll(dependencies);
        Set<String> removed = new LinkedHashSet<>(dependencies);
        removed.removeAll(newDependencies);
        if ((!added.isEmpty() || !removed.isEmpty()) && !status.allowsDependencyChanges()) {
            throw new DependenciesLockedException(status);
        }
        if (newStatus != status && !status.next().contains(newStatus)) {
            throw new MoveNotAllowedException(status, newStatus);
        }
        if (added.size() + removed.size() > MAX_EDGE_CHANGES) {
            throw new OrderInputException("Change at most " + MAX_EDGE_CHANGES + " dependencies in one request");
        }
        Order after = new Order(id, userId, changes.title() == null ? title : changes.title(),
                changes.description() == null ? description : changes.description(), newStatus, newDependencies, dependents,
                changes.autoActivate() == null ? autoActivate : changes.autoActivate(), blockedByFailure, createdAt, now,
                version + 1, createdBy, actor, changes.assignee() == null ? assignee : changes.assignee().orElse(null));
        return new OrderEdit(this, after, added, removed);
    }

    /** Only an order nothing depends on may go. */
    public void requireDeletable() {
        if (!dependents.isEmpty()) {
            throw new OrderHasDependentsException(dependents);
        }
    }

    /** Its dependencies that are not completed (a missing one counts as not completed), in its own order. */
    public List<String> blockers(DependencyStates states) {
        return states.notCompleted(dependencies);
    }

    /**
     * The rule of the whole service: an order is active or completed only when every dependency is
     * completed. The store re-checks it inside the write (see {@link OrderStore#update}), the race-proof half.
     */
    public void requireDependenciesCompleted(DependencyStates states) {
        List<String> blockedBy = blockers(states);
        if (status.needsCompletedDependencies() && !blockedBy.isEmpty()) {
            throw new DependenciesNotCompletedException(status, blockedBy);
        }
    }

    /** Pending with every dependency completed: the workflow announces it, and starts it if it asks to be. */
    public boolean isReady(DependencyStates states) {
        return status == OrderStatus.PENDING && blockers(states).isEmpty();
    }

    /** Can one more order depend on this one? (Its item lists every dependent.) */
    public boolean hasRoomForDependent() {
        return dependents.size() < MAX_DEPENDENTS;
    }
}
