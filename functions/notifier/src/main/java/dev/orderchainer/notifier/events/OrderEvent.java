package dev.orderchainer.notifier.events;

import java.util.List;

/**
 * One change to an order, as it travels through the queue; {@code cause} names the order whose
 * change made this one ready or blocked (null otherwise). The event id is the stream record's id,
 * stable across retries, so the queue and the notifier can both recognise a repeat.
 */
public record OrderEvent(
        String eventId,
        String type,
        String userId,
        String orderId,
        String title,
        String description,
        String oldStatus,
        String newStatus,
        List<String> changedFields,
        List<String> dependencies,
        String occurredAt,
        String cause) {

    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String STATUS_CHANGED = "status_changed";
    public static final String DELETED = "deleted";
    /** A pending order whose dependencies are now all completed ({@code cause}: the one that completed last). */
    public static final String READY = "ready";
    /** A pending order one of whose dependencies failed ({@code cause}: that dependency). */
    public static final String BLOCKED = "blocked";
}
