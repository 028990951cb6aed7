package dev.orderchainer.orders.events;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.orderchainer.orders.domain.OrderStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One change to an order, as it travels through the queue; {@code cause} names the order whose
 * change made this one ready or blocked (null otherwise). The event id is the stream record's id,
 * stable across retries, so the queue and the notifier can both recognise a repeat. {@code actor} is who made the change
 * (null for the service's own: the workflow's, an unassigning) and {@code assignee} whom the order is assigned to (null for
 * nobody); both only for orders of team workspaces, where their names are shown.
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
        String cause,
        Person actor,
        Person assignee) {

    /** A user as an event names them: the id, and the name once it is known (the publisher looks names up in bulk). */
    public record Person(String userId, String username) {}

    /** This event with the names of its people from {@code usernames} (by user id); someone without an account keeps none. */
    public OrderEvent named(Map<String, String> usernames) {
        return new OrderEvent(eventId, type, userId, orderId, title, description, oldStatus, newStatus, changedFields, dependencies,
                occurredAt, cause, named(actor, usernames), named(assignee, usernames));
    }

    private static Person named(Person person, Map<String, String> usernames) {
        return person == null ? null : new Person(person.userId(), usernames.get(person.userId()));
    }

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
