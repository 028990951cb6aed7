package dev.orderchainer.delivery.domain;

import dev.orderchainer.discord.domain.Integration;
import dev.orderchainer.discord.domain.IntegrationStore;
import dev.orderchainer.orders.events.OrderEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order events queue's side of notifying: each user's wanted events go into their outbox in queue
 * order (what the user turned off, or has no enabled integration for, goes nowhere), and the users whose
 * outbox got something are named for the sender. Talks to no one outside, so a user's queue group never
 * waits for Discord.
 */
public final class OutboxWriter {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxWriter.class);
    private final IntegrationStore integrations;
    private final Outbox outbox;

    public OutboxWriter(IntegrationStore integrations, Outbox outbox) {
        this.integrations = integrations;
        this.outbox = outbox;
    }

    /** A queue message: its id, its place in the user's order, and its event (null when the body could not be read). */
    public record Queued(String messageId, String position, OrderEvent event) {}

    /** Messages that must stay on the queue (unreadable ones, for the DLQ), and the users with new outbox entries. */
    public record Outcome(Set<String> failed, Set<String> usersWithNews) {}

    public Outcome write(List<Queued> batch) {
        Set<String> failed = new LinkedHashSet<>();
        Map<String, List<Outbox.Entry>> byUser = new LinkedHashMap<>();
        for (Queued queued : batch) {
            if (queued.event() == null || queued.position() == null) {
                LOG.error("unreadable order event in message {}; it goes to the DLQ after its retries", queued.messageId());
                failed.add(queued.messageId());
            } else {
                byUser.computeIfAbsent(queued.event().userId(), k -> new ArrayList<>()).add(new Outbox.Entry(queued.position(), queued.event()));
            }
        }
        Set<String> withNews = new LinkedHashSet<>();
        byUser.forEach((userId, entries) -> {
            Optional<Integration> integration = integrations.get(userId).filter(Integration::enabled);
            if (integration.isEmpty()) {
                return;
            }
            List<Outbox.Entry> wanted = entries.stream().filter(e -> DiscordSender.wanted(integration.get().notifications(), e.event())).toList();
            if (!wanted.isEmpty()) {
                outbox.add(userId, wanted);
                withNews.add(userId);
            }
        });
        return new Outcome(failed, withNews);
    }
}
