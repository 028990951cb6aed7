package dev.orderchainer.delivery.domain;

import dev.orderchainer.orders.domain.OrderStatus;
import dev.orderchainer.orders.events.OrderEvent;
import java.util.Locale;

/**
 * What a change is, in the words a webhook's event filter and a template's {@code {event}} use: created, updated,
 * started, completed, failed, ready, blocked, deleted. A move back to pending counts as an update.
 */
public enum NotificationKind {
    CREATED, UPDATED, STARTED, COMPLETED, FAILED, READY, BLOCKED, DELETED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NotificationKind of(OrderEvent event) {
        return switch (event.type()) {
            case CREATED -> CREATED;
            case UPDATED -> UPDATED;
            case DELETED -> DELETED;
            case READY -> READY;
            case BLOCKED -> BLOCKED;
            case STATUS_CHANGED -> event.newStatus() == OrderStatus.ACTIVE ? STARTED
                    : event.newStatus() == OrderStatus.COMPLETED ? COMPLETED
                    : event.newStatus() == OrderStatus.FAILED ? FAILED : UPDATED;
        };
    }
}
