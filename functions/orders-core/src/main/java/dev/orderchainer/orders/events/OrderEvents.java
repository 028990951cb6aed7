package dev.orderchainer.orders.events;

import dev.orderchainer.common.table.TableKeys;
import dev.orderchainer.common.text.Text;
import dev.orderchainer.orders.domain.OrderStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Turns a stream record's old and new images into the event users care about, if any. */
public final class OrderEvents {
    private OrderEvents() {}

    /**
     * The longest title or description an event carries: Discord's embed description holds 4,096
     * characters, so more never reaches anyone and could only outgrow a queue message.
     */
    public static final int MAX_TEXT = 4000;

    /**
     * @param oldImage null for an insert
     * @param newImage null for a remove
     * @param streamTime when the stream saw the change; a change's own updated_at (deleted_at for a delete) is
     *     preferred (the stream's time may be rounded down to the minute), so this is used only for images without
     * @return empty when nothing a user sees changed (for example only the dependents list)
     */
    public static Optional<OrderEvent> fromChange(String eventId, OrderSnapshot oldImage, OrderSnapshot newImage, String streamTime) {
        if (oldImage == null && newImage == null) {
            return Optional.empty();
        }
        if (oldImage == null) {
            return Optional.of(event(eventId, OrderEvent.Type.CREATED, newImage, null, newImage.status(), List.of(),
                    changedAt(newImage, streamTime), newImage.createdBy()));
        }
        if (newImage == null) {
            return Optional.of(event(eventId, OrderEvent.Type.DELETED, oldImage, oldImage.status(), null, List.of(),
                    oldImage.deletedAt() == null ? streamTime : oldImage.deletedAt(), oldImage.deletedBy()));
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
        if (!Objects.equals(oldImage.assignee(), newImage.assignee())) {
            changed.add("assignee");
        }
        boolean statusChanged = oldImage.status() != newImage.status();
        if (statusChanged) {
            changed.add(0, "status");
        }
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(event(eventId, statusChanged ? OrderEvent.Type.STATUS_CHANGED : OrderEvent.Type.UPDATED, newImage,
                oldImage.status(), newImage.status(), changed, changedAt(newImage, streamTime), newImage.updatedBy()));
    }

    /** When a change happened: its own updated_at, else the stream's time (which may be rounded down to the minute). */
    public static String changedAt(OrderSnapshot image, String streamTime) {
        return image.updatedAt() == null ? streamTime : image.updatedAt();
    }

    /** Text as the queue and Discord accept it, whatever was stored before input was checked as it is now. */
    static String deliverable(String text, int maxCodePoints) {
        String clean = Text.sanitized(text);
        if (clean == null || clean.codePointCount(0, clean.length()) <= maxCodePoints) {
            return clean;
        }
        return clean.substring(0, clean.offsetByCodePoints(0, maxCodePoints - 1)) + "…";
    }

    private static OrderEvent event(String eventId, OrderEvent.Type type, OrderSnapshot order, OrderStatus oldStatus,
                                    OrderStatus newStatus, List<String> changed, String occurredAt, String actorId) {
        boolean team = TableKeys.isTeamWorkspace(order.userId());
        // A team's order names who changed it; its own workspace id as the actor is the service (the workflow, an unassigning).
        OrderEvent.Person actor = !team || actorId == null || TableKeys.isTeamWorkspace(actorId) ? null
                : new OrderEvent.Person(actorId, null);
        OrderEvent.Person assignee = !team || order.assignee() == null ? null : new OrderEvent.Person(order.assignee(), null);
        return event(eventId, type, order.userId(), order.id(), order.title(), order.description(), oldStatus, newStatus, changed,
                order.dependencies(), occurredAt, null, actor, assignee);
    }

    /** An event with its title and description cut as the queue and Discord accept them: every producer builds events here. */
    public static OrderEvent event(String eventId, OrderEvent.Type type, String userId, String orderId, String title, String description,
                                   OrderStatus oldStatus, OrderStatus newStatus, List<String> changed, List<String> dependencies,
                                   String occurredAt, String cause) {
        return event(eventId, type, userId, orderId, title, description, oldStatus, newStatus, changed, dependencies, occurredAt, cause,
                null, null);
    }

    private static OrderEvent event(String eventId, OrderEvent.Type type, String userId, String orderId, String title, String description,
                                    OrderStatus oldStatus, OrderStatus newStatus, List<String> changed, List<String> dependencies,
                                    String occurredAt, String cause, OrderEvent.Person actor, OrderEvent.Person assignee) {
        return new OrderEvent(eventId, type, userId, orderId, deliverable(title, MAX_TEXT), deliverable(description, MAX_TEXT), oldStatus,
                newStatus, List.copyOf(changed), dependencies, occurredAt, cause, actor, assignee);
    }
}
