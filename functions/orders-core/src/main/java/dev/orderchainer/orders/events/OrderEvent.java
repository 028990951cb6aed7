package dev.orderchainer.orders.events;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.orderchainer.orders.domain.OrderStatus;
import java.util.List;
import java.util.Locale;

/**
 * One change to an order, as it travels through the queue; {@code cause} names the order whose
 * change made this one ready or blocked (null otherwise). The event id is the stream record's id,
 * stable across retries, so the queue and the notifier can both recognise a repeat.
 */
public record OrderEvent(
        String eventId,
        Type type,
        String userId,
        String orderId,
        String title,
        String description,
        OrderStatus oldStatus,
        OrderStatus newStatus,
        List<String> changedFields,
        List<String> dependencies,
        String occurredAt,
        String cause) {

    /** What happened to the order; on the queue in lower case ("status_changed"). */
    public enum Type {
        CREATED, UPDATED, STATUS_CHANGED, DELETED,
        /** A pending order whose dependencies are now all completed ({@code cause}: the one that completed last). */
        READY,
        /** A pending order one of whose dependencies failed ({@code cause}: that dependency). */
        BLOCKED;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
