package dev.orderchainer.delivery.domain;

import dev.orderchainer.discord.domain.WebhookEvent;
import dev.orderchainer.orders.domain.OrderStatus;
import dev.orderchainer.orders.events.OrderEvent;

/** Which kind of change an order event is, for webhook filters and templates: a move back to pending is an update. */
public final class ChangeKinds {
    private ChangeKinds() {
    }

    public static WebhookEvent of(OrderEvent event) {
        return switch (event.type()) {
            case CREATED -> WebhookEvent.CREATED;
            case UPDATED -> WebhookEvent.UPDATED;
            case DELETED -> WebhookEvent.DELETED;
            case READY -> WebhookEvent.READY;
            case BLOCKED -> WebhookEvent.BLOCKED;
            case STATUS_CHANGED -> event.newStatus() == OrderStatus.ACTIVE ? WebhookEvent.STARTED
                    : event.newStatus() == OrderStatus.COMPLETED ? WebhookEvent.COMPLETED
                    : event.newStatus() == OrderStatus.FAILED ? WebhookEvent.FAILED : WebhookEvent.UPDATED;
        };
    }
}
