package dev.orderchainer.orders.events;

import java.util.List;

/** The FIFO queue order events go to: grouped by user, deduplicated by event id. */
public interface EventQueue {
    /**
     * @return how many of the events, from the first, are done with: queued, or refused for good and
     *     skipped (all of them unless the queue is briefly unavailable; the rest must then be retried)
     */
    int send(List<OrderEvent> events);
}
