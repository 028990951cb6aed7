package dev.orderchainer.delivery.domain;

import dev.orderchainer.discord.domain.Webhook;
import dev.orderchainer.discord.domain.WebhookStore;
import dev.orderchainer.orders.events.OrderEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order events queue's side of notifying: each change goes, in queue order, into the outbox of every enabled
 * webhook of its workspace whose filter wants it (one read of a workspace's webhooks per batch), and those webhooks are
 * named for the sender. Talks to no one outside, so a workspace's queue group never waits for Discord.
 */
public final class OutboxWriter {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxWriter.class);
    private final WebhookStore webhooks;
    private final Outbox outbox;

    public OutboxWriter(WebhookStore webhooks, Outbox outbox) {
        this.webhooks = webhooks;
        this.outbox = outbox;
    }

    /** A queue message: its id, its place in the workspace's order, and its event (null when the body could not be read). */
    public record Queued(String messageId, String position, OrderEvent event) {}

    /** Messages that must stay on the queue (unreadable ones, for the DLQ), and the webhooks with new outbox entries. */
    public record Outcome(Set<String> failed, Set<WebhookAddress> webhooksWithNews) {}

    public Outcome write(List<Queued> batch) {
        Set<String> failed = new LinkedHashSet<>();
        Map<String, List<Outbox.Entry>> byWorkspace = new LinkedHashMap<>();
        for (Queued queued : batch) {
            if (queued.event() == null || queued.position() == null) {
                LOG.error("unreadable order event in message {}; it goes to the DLQ after its retries", queued.messageId());
                failed.add(queued.messageId());
            } else {
                byWorkspace.computeIfAbsent(queued.event().userId(), k -> new ArrayList<>()).add(new Outbox.Entry(queued.position(), queued.event()));
            }
        }
        Set<WebhookAddress> withNews = new LinkedHashSet<>();
        byWorkspace.forEach((workspaceId, entries) -> {
            for (Webhook webhook : webhooks.list(workspaceId)) {
                List<Outbox.Entry> wanted = entries.stream().filter(e -> wants(webhook, e.event())).toList();
                if (!wanted.isEmpty()) {
                    WebhookAddress address = WebhookAddress.of(webhook);
                    outbox.add(address, wanted);
                    withNews.add(address);
                }
            }
        });
        return new Outcome(failed, withNews);
    }

    /** The one rule of which changes a webhook posts: its filter's kinds, its assignee's orders, and only while enabled. */
    static boolean wants(Webhook webhook, OrderEvent event) {
        return webhook.wants(ChangeKinds.of(event), event.assignee() == null ? null : event.assignee().userId());
    }
}
