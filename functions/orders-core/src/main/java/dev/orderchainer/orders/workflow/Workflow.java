package dev.orderchainer.orders.workflow;

import dev.orderchainer.orders.domain.ChangedMeanwhileException;
import dev.orderchainer.orders.domain.DependenciesNotCompletedException;
import dev.orderchainer.orders.domain.DependencyStates;
import dev.orderchainer.orders.domain.MoveNotAllowedException;
import dev.orderchainer.orders.domain.Order;
import dev.orderchainer.orders.domain.OrderChanges;
import dev.orderchainer.orders.domain.OrderNotFoundException;
import dev.orderchainer.orders.domain.OrderService;
import dev.orderchainer.orders.domain.OrderStatus;
import dev.orderchainer.orders.domain.OrderStore;
import dev.orderchainer.orders.domain.StaleVersionException;
import dev.orderchainer.orders.events.EventQueue;
import dev.orderchainer.orders.events.OrderEvent;
import dev.orderchainer.orders.events.OrderEvents;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows from a status change for the orders that depend on it: when an order completes,
 * pending dependents whose dependencies are now all completed are announced as ready (and started
 * when they ask for it); when it fails, pending dependents are marked blocked by that failure and
 * announced; when it leaves failed, the mark is cleared. The same marks follow dependency edits: a
 * failed dependency added to a pending order marks (and announces) it, a removed one clears its
 * mark. Every step is idempotent, so a retried stream record repeats nothing users see: a ready event's
 * id derives from the record, a blocked event's from the failure itself (dependent, failed order and its
 * version), so the two records that can both see one failure (the failure and a dependency edit made just
 * before it) announce it once.
 */
public final class Workflow {
    private static final Logger LOG = LoggerFactory.getLogger(Workflow.class);
    private final OrderStore store;
    private final OrderService orders;
    private final EventQueue queue;

    public Workflow(OrderStore store, OrderService orders, EventQueue queue) {
        this.store = store;
        this.orders = orders;
        this.queue = queue;
    }

    /** @return false when events could not be queued (the stream record must be retried) */
    public boolean statusChanged(String eventId, String userId, String orderId, OrderStatus oldStatus, OrderStatus newStatus,
                                 long version, Collection<String> dependents, String occurredAt) {
        if (dependents.isEmpty()) {
            return true;
        }
        List<OrderEvent> events = new ArrayList<>();
        if (newStatus == OrderStatus.COMPLETED) {
            ready(eventId, userId, orderId, dependents, occurredAt, events);
        } else if (newStatus == OrderStatus.FAILED) {
            for (Order dependent : store.getMany(userId, dependents).values()) {
                if (dependent.status() == OrderStatus.PENDING) {
                    store.addBlockedByFailure(userId, dependent.id(), orderId);
                    events.add(blocked(dependent, orderId, version, occurredAt));
                }
            }
        }
        if (oldStatus == OrderStatus.FAILED) {
            for (String dependent : dependents) {
                store.removeBlockedByFailure(userId, dependent, orderId);
            }
        }
        return queue.send(events) == events.size();
    }

    /**
     * An order's dependencies changed (or it was created with some).
     * @return false when events could not be queued (the stream record must be retried)
     */
    public boolean dependenciesChanged(String eventId, String userId, String orderId, Collection<String> added,
                                       Collection<String> removed, String occurredAt) {
        for (String dependency : removed) {
            store.removeBlockedByFailure(userId, orderId, dependency);
        }
        if (added.isEmpty()) {
            return true;
        }
        // The order and its new dependencies in one read.
        Set<String> wanted = new HashSet<>(added);
        wanted.add(orderId);
        Map<String, Order> found = store.getMany(userId, wanted);
        Order order = found.get(orderId);
        if (order == null || order.status() != OrderStatus.PENDING) {
            return true;
        }
        List<OrderEvent> events = new ArrayList<>();
        for (String id : added) {
            Order dependency = found.get(id);
            if (dependency != null && dependency.status() == OrderStatus.FAILED && order.dependencies().contains(id)) {
                store.addBlockedByFailure(userId, orderId, id);
                events.add(blocked(order, id, dependency.version(), occurredAt));
            }
        }
        return queue.send(events) == events.size();
    }

    private void ready(String eventId, String userId, String completed, Collection<String> dependents, String occurredAt,
                       List<OrderEvent> events) {
        Map<String, Order> candidates = store.getMany(userId, dependents);
        Set<String> needed = new HashSet<>();
        candidates.values().stream().filter(o -> o.status() == OrderStatus.PENDING).forEach(o -> needed.addAll(o.dependencies()));
        DependencyStates states = new DependencyStates(store.getMany(userId, needed));
        for (Order dependent : candidates.values()) {
            if (!dependent.isReady(states)) {
                continue;
            }
            events.add(event(eventId + ":ready:" + dependent.id(), OrderEvent.Type.READY, dependent, completed, occurredAt));
            if (dependent.autoActivate()) {
                try {
                    orders.update(userId, dependent.id(), OrderChanges.move(OrderStatus.ACTIVE, dependent.version()));
                } catch (StaleVersionException | MoveNotAllowedException | DependenciesNotCompletedException
                         | OrderNotFoundException | ChangedMeanwhileException changedMeanwhile) {
                    // Someone changed (or deleted) it first, or it is no longer ready: their change stands.
                    LOG.info("auto-activation of {} skipped: {}", dependent.id(), changedMeanwhile.getMessage());
                }
            }
        }
    }

    /** One event per failure of a dependency, whichever record noticed it. */
    private static OrderEvent blocked(Order dependent, String failed, long failedVersion, String occurredAt) {
        return event("blocked:" + dependent.id() + ":" + failed + ":" + failedVersion, OrderEvent.Type.BLOCKED, dependent, failed, occurredAt);
    }

    private static OrderEvent event(String eventId, OrderEvent.Type type, Order order, String cause, String occurredAt) {
        return OrderEvents.event(eventId, type, order.userId(), order.id(), order.title(), order.description(), order.status(),
                order.status(), List.of(), order.dependencies(), occurredAt, cause);
    }
}
