package dev.orderchainer.delivery.domain;

import dev.orderchainer.orders.events.OrderEvent;

/** Where an event Discord refuses goes instead (a dead-letter queue with an alarm), so it can be looked at. */
public interface RefusedEvents {
    void deadLetter(OrderEvent event, String discordAnswer);
}
