package dev.orderchainer.notifier.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Turns a stream record's old and new images into the event users care about, if any. */
public final class OrderEvents {
    private OrderEvents() {}

    /**
     * @param oldImage null for an insert
     * @param newImage null for a remove
     * @return empty when nothing a user sees changed (for example only the dependents list)
     */
    public static Optional<OrderEvent> fromChange(String eventId, OrderSnapshot oldImage, OrderSnapshot newImage, String occurredAt) {
        if (oldImage == null && newImage == null) {
            return Optional.empty();
        }
        if (oldImage == null) {
            return Optional.of(event(eventId, OrderEvent.CREATED, newImage, null, newImage.status(), List.of(), occurredAt));
        }
        if (newImage == null) {
            return Optional.of(event(eventId, OrderEvent.DELETED, oldImage, oldImage.status(), null, List.of(), occurredAt));
        }
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(oldImage.title(), newImage.title())) {
            changed.add("title");
        }
        if (!Objects.equals(oldImage.description(), newImage.description())) {
            changed.add("description");
        }
        if (!Objects.equals(oldImage.dependencies(), newImage.dependencies())) {
            changed.add("dependencies");
        }
        boolean statusChanged = !Objects.equals(oldImage.status(), newImage.status());
        if (statusChanged) {
            changed.add(0, "status");
        }
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(event(eventId, statusChanged ? OrderEvent.STATUS_CHANGED : OrderEvent.UPDATED, newImage,
                oldImage.status(), newImage.status(), changed, occurredAt));
    }

    private static OrderEvent event(String eventId, String type, OrderSnapshot order, String oldStatus, String newStatus,
                                    List<String> changed, String occurredAt) {
        return new OrderEvent(eventId, type, order.userId(), order.id(), order.title(), order.description(), oldStatus, newStatus,
                List.copyOf(changed), order.dependencies() == null ? List.of() : List.copyOf(order.dependencies()), occurredAt, null);
    }
}
