package dev.orderchainer.delivery.testing;

import dev.orderchainer.delivery.domain.Outbox;
import dev.orderchainer.delivery.domain.WebhookAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The outbox as {@code DynamoDbOutbox} keeps it, in memory: entries in position order per user, an event added
 * only if it was never seen (waiting, delivered or discarded), one lease per webhook that runs out on the clock.
 * {@link #beforeRelease} lets a test add an event while the sender still holds the lease.
 */
public final class InMemoryOutbox implements Outbox {
    private record Lease(String holder, Instant until) {}

    private final Clock clock;
    private final Map<WebhookAddress, TreeMap<String, Entry>> waiting = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final List<String> delivered = new ArrayList<>();
    private final List<String> discarded = new ArrayList<>();
    private final Map<WebhookAddress, Lease> leases = new HashMap<>();
    private Runnable beforeRelease = () -> { };

    public InMemoryOutbox(Clock clock) {
        this.clock = clock;
    }

    public InMemoryOutbox beforeRelease(Runnable action) {
        this.beforeRelease = action;
        return this;
    }

    /** Event ids posted, in order. */
    public List<String> delivered() {
        return delivered;
    }

    /** Event ids dropped without a post, in order. */
    public List<String> discarded() {
        return discarded;
    }

    /** Until when the user's lease is held, or null when no one holds it. */
    public Instant leasedUntil(WebhookAddress webhook) {
        Lease lease = leases.get(webhook);
        return lease == null ? null : lease.until();
    }

    @Override
    public void add(WebhookAddress webhook, List<Entry> entries) {
        for (Entry entry : entries) {
            if (seen.add(webhook.webhookId() + "/" + entry.event().eventId())) {
                waiting.computeIfAbsent(webhook, k -> new TreeMap<>()).put(entry.position(), entry);
            }
        }
    }

    @Override
    public List<Entry> waiting(WebhookAddress webhook, int limit) {
        return waiting.getOrDefault(webhook, new TreeMap<>()).values().stream().limit(limit).toList();
    }

    @Override
    public void delivered(WebhookAddress webhook, List<Entry> entries) {
        remove(webhook, entries, delivered);
    }

    @Override
    public void discard(WebhookAddress webhook, List<Entry> entries) {
        remove(webhook, entries, discarded);
    }

    private void remove(WebhookAddress webhook, List<Entry> entries, List<String> into) {
        for (Entry entry : entries) {
            if (waiting.getOrDefault(webhook, new TreeMap<>()).remove(entry.position()) != null) {
                into.add(entry.event().eventId());
            }
        }
    }

    @Override
    public boolean lease(WebhookAddress webhook, String holder, Instant until) {
        Lease current = leases.get(webhook);
        if (current != null && current.until().isAfter(clock.instant())) {
            return false;
        }
        leases.put(webhook, new Lease(holder, until));
        return true;
    }

    @Override
    public void release(WebhookAddress webhook, String holder) {
        beforeRelease.run();
        beforeRelease = () -> { };
        leases.computeIfPresent(webhook, (k, lease) -> lease.holder().equals(holder) ? null : lease);
    }
}
