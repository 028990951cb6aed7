package dev.orderchainer.notifier.publish;

import dev.orderchainer.notifier.events.OrderEvent;
import java.util.List;

/** The FIFO queue order events go to: grouped by user, deduplicated by event id. */
public interface EventQueue {
    /** @return how many of the events, from the first, were accepted (all of them on success) */
    int send(List<OrderEvent> events);
}
