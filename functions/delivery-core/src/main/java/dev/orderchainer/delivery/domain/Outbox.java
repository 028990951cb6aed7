package dev.orderchainer.delivery.domain;

import dev.orderchainer.orders.events.OrderEvent;
import java.time.Instant;
import java.util.List;

/**
 * Per webhook, the order events waiting for it, oldest first, and the lease of the one sender that drains
 * them. An event is added to a webhook's outbox once: not again while it waits, nor after it was delivered there.
 */
public interface Outbox {
    /** An event and its place in its workspace's queue order (the FIFO queue's sequence number). */
    record Entry(String position, OrderEvent event) {}

    /** Adds the entries that were never added to this webhook's outbox or delivered to it before. */
    void add(WebhookAddress webhook, List<Entry> entries);

    /** Up to {@code limit} waiting entries, oldest first. */
    List<Entry> waiting(WebhookAddress webhook, int limit);

    /** Posted: removed, its record kept as delivered for a week so a repeat of the event is not added again. */
    void delivered(WebhookAddress webhook, List<Entry> entries);

    /**
     * Not to be posted (the webhook is gone or no longer wants it, Discord refused the event): removed; its record stays,
     * so it is not added again.
     */
    void discard(WebhookAddress webhook, List<Entry> entries);

    /** Takes the webhook's sender lease until {@code until} if no one holds it (or the holder's lease ran out). */
    boolean lease(WebhookAddress webhook, String holder, Instant until);

    void release(WebhookAddress webhook, String holder);
}
