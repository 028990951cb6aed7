package dev.orderchainer.delivery.domain;

import dev.orderchainer.orders.events.OrderEvent;
import java.time.Instant;
import java.util.List;

/**
 * Per user, the order events waiting for Discord, oldest first, and the lease of the one sender that
 * drains them. An event is added once: not again while it waits, nor after it was delivered.
 */
public interface Outbox {
    /** An event and its place in the user's queue order (the FIFO queue's sequence number). */
    record Entry(String position, OrderEvent event) {}

    /** Adds the entries (all of one user) that were never added or delivered before. */
    void add(String userId, List<Entry> entries);

    /** Up to {@code limit} waiting entries, oldest first. */
    List<Entry> waiting(String userId, int limit);

    /** Posted: removed, its record kept as delivered for a week so a repeat of the event is not added again. */
    void delivered(String userId, List<Entry> entries);

    /** Not to be posted (the integration is gone, Discord refused the event): removed; its record stays, so it is not added again. */
    void discard(String userId, List<Entry> entries);

    /** Takes the user's sender lease until {@code until} if no one holds it (or the holder's lease ran out). */
    boolean lease(String userId, String holder, Instant until);

    void release(String userId, String holder);
}
