package dev.orderchainer.notifier.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderchainer.discord.domain.DiscordMessage;
import dev.orderchainer.discord.domain.DiscordWebhooks;
import dev.orderchainer.discord.domain.Integration;
import dev.orderchainer.discord.domain.IntegrationStore;
import dev.orderchainer.discord.domain.Notifications;
import dev.orderchainer.orders.domain.OrderStatus;
import dev.orderchainer.orders.events.OrderEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a batch of queued order events to each user's Discord webhook: drops what the user
 * turned off, coalesces up to 10 events into one message (within 6,000 characters), never posts
 * an event twice, waits before posting into a bucket Discord said is empty, and reports what must come back:
 * after a 429 with Discord's retry_after as the visibility delay, after 5xx/timeouts (retried here
 * first) with a short delay. A 400 refuses one event's content: a coalesced message is posted again
 * one event at a time, and only the refused event goes back, at once, so the queue moves it to the
 * DLQ within seconds instead of holding the user's FIFO group. A 401/404 disables the integration
 * and drops its events. Within a user's group nothing overtakes an event that will be retried.
 */
public final class Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    static final int MAX_EMBEDS = 10;
    static final int MAX_MESSAGE_CHARS = 6000;
    static final int SERVER_ERROR_RETRIES = 2;
    static final int SERVER_ERROR_VISIBILITY_SECONDS = 10;
    private final IntegrationStore integrations;
    private final DiscordWebhooks discord;
    private final DeliveryLedger ledger;
    private final EmbedRenderer renderer;
    private final Pause pause;
    private final Clock clock;
    /** When each webhook's bucket refills, learned from Discord's headers (an instance serves one invocation at a time). */
    private final Map<String, Instant> emptyUntil = new ConcurrentHashMap<>();
    static final Duration MAX_WAIT = Duration.ofSeconds(5);

    /** Waiting, replaceable in tests. */
    public interface Pause {
        void sleep(Duration duration);
    }

    /** A queue message: its id and its event (null when the body could not be read). */
    public record Queued(String messageId, OrderEvent event) {}

    /** Messages to leave on the queue, and for some of them how long before they come back. */
    public record Outcome(Set<String> failed, Map<String, Integer> visibilitySeconds) {}

    public Notifier(IntegrationStore integrations, DiscordWebhooks discord, DeliveryLedger ledger, EmbedRenderer renderer, Pause pause,
                    Clock clock) {
        this.integrations = integrations;
        this.discord = discord;
        this.ledger = ledger;
        this.renderer = renderer;
        this.pause = pause;
        this.clock = clock;
    }

    public Outcome deliver(List<Queued> batch) {
        Set<String> failed = new LinkedHashSet<>();
        Map<String, Integer> visibility = new LinkedHashMap<>();
        Map<String, List<Queued>> byUser = new LinkedHashMap<>();
        for (Queued queued : batch) {
            if (queued.event() == null) {
                LOG.error("unreadable order event in message {}; it goes to the DLQ after its retries", queued.messageId());
                failed.add(queued.messageId());
            } else {
                byUser.computeIfAbsent(queued.event().userId(), k -> new ArrayList<>()).add(queued);
            }
        }
        for (Map.Entry<String, List<Queued>> group : byUser.entrySet()) {
            deliverGroup(group.getKey(), group.getValue(), failed, visibility);
        }
        return new Outcome(failed, visibility);
    }

    private void deliverGroup(String userId, List<Queued> events, Set<String> failed, Map<String, Integer> visibility) {
        Optional<Integration> found = integrations.get(userId);
        if (found.isEmpty() || !found.get().enabled()) {
            return;
        }
        Integration integration = found.get();
        List<Rendered> wanted = events.stream().filter(q -> wanted(integration.notifications(), q.event()))
                .map(q -> new Rendered(q, renderer.render(q.event()))).toList();
        List<List<Rendered>> messages = new ArrayList<>(coalesce(wanted));
        for (int i = 0; i < messages.size(); i++) {
            List<Rendered> message = messages.get(i);
            Set<String> claimed = ledger.claim(message.stream().map(r -> r.queued().event().eventId()).toList());
            List<Rendered> toPost = message.stream().filter(r -> claimed.contains(r.queued().event().eventId())).toList();
            if (toPost.isEmpty()) {
                continue;
            }
            waitForBucket(integration.webhook().id());
            DiscordWebhooks.Answer answer = post(integration, toPost);
            if (answer.remaining() != null && answer.remaining() == 0 && answer.resetAfterSeconds() != null) {
                emptyUntil.put(integration.webhook().id(), clock.instant().plusMillis((long) (answer.resetAfterSeconds() * 1000)));
            }
            if (answer.ok()) {
                ledger.delivered(claimed);
                continue;
            }
            ledger.release(claimed);
            if (answer.status() == 400 && toPost.size() > 1) {
                messages.remove(i);
                for (int k = toPost.size() - 1; k >= 0; k--) {
                    messages.add(i, List.of(toPost.get(k)));
                }
                i--;
                continue;
            }
            if (answer.status() == 400) {
                String messageId = toPost.get(0).queued().messageId();
                LOG.error("Discord refused event {} ({}): it goes to the DLQ; the rest of the group goes on",
                        toPost.get(0).queued().event().eventId(), answer.body());
                failed.add(messageId);
                visibility.put(messageId, 0);
                continue;
            }
            if (answer.webhookGone()) {
                integrations.disable(userId, "Discord answered " + answer.status() + ": the webhook no longer exists");
                LOG.warn("disabled the Discord integration of user {}: webhook gone ({})", userId, answer.status());
                return;
            }
            int delay = answer.status() == 429
                    ? (int) Math.ceil(answer.retryAfterSeconds().orElse(1))
                    : answer.status() == 0 || answer.status() >= 500 ? SERVER_ERROR_VISIBILITY_SECONDS : -1;
            LOG.warn("Discord answered {} for user {}; {} events go back to the queue", answer.status(), userId,
                    messages.subList(i, messages.size()).stream().mapToInt(List::size).sum());
            // Keep the group's order: this message and everything after it come back.
            for (List<Rendered> later : messages.subList(i, messages.size())) {
                for (Rendered rendered : later) {
                    failed.add(rendered.queued().messageId());
                    if (delay >= 0) {
                        visibility.put(rendered.queued().messageId(), delay);
                    }
                }
            }
            return;
        }
    }

    /** Posting into an empty bucket only earns a 429: wait for the reset Discord announced (briefly). */
    private void waitForBucket(String webhookId) {
        Instant until = emptyUntil.remove(webhookId);
        if (until == null) {
            return;
        }
        Duration wait = Duration.between(clock.instant(), until);
        if (!wait.isNegative() && !wait.isZero()) {
            pause.sleep(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
        }
    }

    /** An event and its embed, rendered once for sizing and posting. */
    private record Rendered(Queued queued, ObjectNode embed) {}

    private DiscordWebhooks.Answer post(Integration integration, List<Rendered> events) {
        String message = DiscordMessage.of(integration, events.stream().map(Rendered::embed).toList());
        DiscordWebhooks.Answer answer = discord.execute(integration.webhook(), message);
        for (int retry = 1; retry <= SERVER_ERROR_RETRIES && (answer.status() == 0 || answer.status() >= 500); retry++) {
            pause.sleep(Duration.ofMillis(250L << retry));
            answer = discord.execute(integration.webhook(), message);
        }
        return answer;
    }

    /** Up to 10 embeds and 6,000 characters per message, in order. */
    private static List<List<Rendered>> coalesce(List<Rendered> events) {
        List<List<Rendered>> messages = new ArrayList<>();
        List<Rendered> current = new ArrayList<>();
        int chars = 0;
        for (Rendered rendered : events) {
            int size = EmbedRenderer.size(rendered.embed());
            if (!current.isEmpty() && (current.size() == MAX_EMBEDS || chars + size > MAX_MESSAGE_CHARS)) {
                messages.add(current);
                current = new ArrayList<>();
                chars = 0;
            }
            current.add(rendered);
            chars += size;
        }
        if (!current.isEmpty()) {
            messages.add(current);
        }
        return messages;
    }

    static boolean wanted(Notifications toggles, OrderEvent event) {
        return switch (event.type()) {
            case CREATED -> toggles.orderCreated();
            case READY -> toggles.orderReady();
            case BLOCKED -> toggles.orderBlocked();
            case STATUS_CHANGED -> event.newStatus() == OrderStatus.COMPLETED ? toggles.orderCompleted()
                    : event.newStatus() == OrderStatus.FAILED ? toggles.orderFailed() : toggles.orderUpdated();
            case UPDATED, DELETED -> toggles.orderUpdated();
        };
    }
}
