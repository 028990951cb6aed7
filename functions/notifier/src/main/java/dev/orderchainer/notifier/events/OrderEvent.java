package dev.orderchainer.notifier.events;

import java.util.List;

/**
 * One change to an order, as it travels through the queue. The event id is the stream record's id,
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
        String occurredAt) {

    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String STATUS_CHANGED = "status_changed";
    public static final String DELETED = "deleted";
}
