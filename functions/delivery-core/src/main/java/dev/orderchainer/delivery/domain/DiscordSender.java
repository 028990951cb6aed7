package dev.orderchainer.delivery.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderchainer.discord.domain.DiscordLimits;
import dev.orderchainer.discord.domain.DiscordMessage;
import dev.orderchainer.discord.domain.DiscordWebhooks;
import dev.orderchainer.discord.domain.Integration;
import dev.orderchainer.discord.domain.IntegrationStore;
import dev.orderchainer.discord.domain.LinkButton;
import dev.orderchainer.discord.domain.Notifications;
import dev.orderchainer.orders.events.OrderEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains one user's outbox to their Discord webhook as its only sender (a lease). While one message holds
 * everything that waits (10 embeds, 6,000 characters), each change gets its own rich embed; when more wait,
 * they go as digests. Paced: after a post it waits {@code pace} before the next unless more wait than one
 * message (a full digest) holds, so a burst gathers into few digests and calm traffic goes at once; and it
 * never posts into a bucket Discord said is empty. A 429 waits Discord's retry_after. 5xx and timeouts are retried twice, then
 * left for a later drain. A 400 refuses content: the message's changes are posted one by one and only the
 * refused one goes to the dead-letter queue. A 401/404 disables the integration and drops what waits.
 */
public final class DiscordSender {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordSender.class);
    static final int SERVER_ERROR_RETRIES = 2;
    /** Entries read per round: more than any message holds, few enough to read in one page. */
    static final int READ_AHEAD = 500;
    /** The lease outlives the drain's deadline by this much, in case the function is stopped mid-post. */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(15);
    private final IntegrationStore integrations;
    private final Outbox outbox;
    private final RefusedEvents refused;
    private final DiscordWebhooks discord;
    private final EmbedRenderer embeds;
    private final DigestRenderer digests;
    private final Pause pause;
    private final Clock clock;
    private final Duration pace;

    /** Waiting, replaceable in tests. */
    public interface Pause {
        void sleep(Duration duration);
    }

    /** How a drain ended: nothing waits; another sender holds the lease; the deadline came first; Discord is failing. */
    public enum Result { DRAINED, HELD_ELSEWHERE, MORE_LATER, RETRY_LATER }

    public DiscordSender(IntegrationStore integrations, Outbox outbox, RefusedEvents refused, DiscordWebhooks discord, EmbedRenderer embeds,
                         DigestRenderer digests, Pause pause, Clock clock, Duration pace) {
        this.integrations = integrations;
        this.outbox = outbox;
        this.refused = refused;
        this.discord = discord;
        this.embeds = embeds;
        this.digests = digests;
        this.pause = pause;
        this.clock = clock;
        this.pace = pace;
    }

    public Result drain(String userId, Instant deadline) {
        String holder = UUID.randomUUID().toString();
        if (!outbox.lease(userId, holder, deadline.plus(LEASE_MARGIN))) {
            return Result.HELD_ELSEWHERE;
        }
        Result result;
        try {
            result = drainHeld(userId, deadline);
        } finally {
            outbox.release(userId, holder);
        }
        // An event added just before the release may have been nudged while the lease was still held: look once more.
        return result == Result.DRAINED && !outbox.waiting(userId, 1).isEmpty() ? Result.MORE_LATER : result;
    }

    private Result drainHeld(String userId, Instant deadline) {
        Pacing pacing = new Pacing();
        while (true) {
            List<Outbox.Entry> waiting = outbox.waiting(userId, READ_AHEAD);
            if (waiting.isEmpty()) {
                return Result.DRAINED;
            }
            Optional<Integration> integration = deliverable(userId, waiting);
            if (integration.isEmpty()) {
                continue;
            }
            Message message = compose(waiting, pacing.oneByOne > 0);
            Instant next = pacing.nextPost(message.entries().size() < waiting.size());
            Instant now = clock.instant();
            if (next.isAfter(now)) {
                if (next.isAfter(deadline)) {
                    return Result.MORE_LATER;
                }
                pause.sleep(Duration.between(now, next));
                continue;
            }
            if (now.isAfter(deadline)) {
                return Result.MORE_LATER;
            }
            DiscordWebhooks.Answer answer = post(integration.get(), message);
            pacing.posted(answer);
            if (!settle(userId, message, answer, pacing)) {
                LOG.warn("Discord answered {} for user {}; {} events wait for a later drain", answer.status(), userId, waiting.size());
                return Result.RETRY_LATER;
            }
        }
    }

    /** The user's integration when it may post all that waits; else what may not be posted is discarded and empty returned. */
    private Optional<Integration> deliverable(String userId, List<Outbox.Entry> waiting) {
        Optional<Integration> found = integrations.get(userId);
        if (found.isEmpty() || !found.get().enabled()) {
            outbox.discard(userId, waiting);
            return Optional.empty();
        }
        List<Outbox.Entry> unwanted = waiting.stream().filter(e -> !wanted(found.get().notifications(), e.event())).toList();
        if (!unwanted.isEmpty()) {
            outbox.discard(userId, unwanted);
            return Optional.empty();
        }
        return found;
    }

    /** What follows from Discord's answer; false when Discord is failing and the rest waits for a later drain. */
    private boolean settle(String userId, Message message, DiscordWebhooks.Answer answer, Pacing pacing) {
        if (answer.ok()) {
            outbox.delivered(userId, message.entries());
            pacing.oneByOne = Math.max(0, pacing.oneByOne - message.entries().size());
            return true;
        }
        if (answer.webhookGone()) {
            integrations.disable(userId, "Discord answered " + answer.status() + ": the webhook no longer exists");
            LOG.warn("disabled the Discord integration of user {}: webhook gone ({})", userId, answer.status());
            return true;
        }
        if (answer.status() == 400) {
            refused(userId, message, answer, pacing);
            return true;
        }
        if (answer.status() == 429) {
            pacing.bucketReset = clock.instant().plusMillis((long) (answer.retryAfterSeconds().orElse(1) * 1000));
            return true;
        }
        return false;
    }

    /** Discord refused the content: find the refused change by posting one at a time; it alone goes to the dead-letter queue. */
    private void refused(String userId, Message message, DiscordWebhooks.Answer answer, Pacing pacing) {
        if (message.entries().size() > 1 || message.digest()) {
            pacing.oneByOne = message.entries().size();
            return;
        }
        Outbox.Entry refusedEntry = message.entries().get(0);
        LOG.error("Discord refused event {} ({}); it goes to the dead-letter queue, the rest go on", refusedEntry.event().eventId(), answer.body());
        refused.deadLetter(refusedEntry.event(), answer.body());
        outbox.discard(userId, List.of(refusedEntry));
        pacing.oneByOne = Math.max(0, pacing.oneByOne - 1);
    }

    /** One drain's timing: the pace after each post, the webhook's bucket as Discord last said, and the changes to post singly. */
    private final class Pacing {
        private Instant notBefore = Instant.MIN;
        private Instant bucketReset = Instant.MIN;
        private int oneByOne;

        /**
         * All that waits fits one message: the pace gives a burst time to gather (calm traffic finds it long over).
         * More waits than one message holds: only Discord's bucket limits.
         */
        Instant nextPost(boolean moreThanOneMessage) {
            boolean backlog = moreThanOneMessage && oneByOne == 0;
            return backlog || bucketReset.isAfter(notBefore) ? bucketReset : notBefore;
        }

        void posted(DiscordWebhooks.Answer answer) {
            notBefore = clock.instant().plus(pace);
            if (answer.remaining() != null && answer.remaining() == 0 && answer.resetAfterSeconds() != null) {
                bucketReset = clock.instant().plusMillis((long) (answer.resetAfterSeconds() * 1000));
            }
        }
    }

    /** What one post holds: changes from the front of the queue, rich embeds with their orders' buttons, or a digest. */
    private record Message(List<Outbox.Entry> entries, List<ObjectNode> embeds, List<LinkButton> buttons, boolean digest) {}

    private Message compose(List<Outbox.Entry> waiting, boolean single) {
        if (single || waiting.size() <= DiscordLimits.EMBEDS_PER_MESSAGE) {
            List<Outbox.Entry> taken = new ArrayList<>();
            List<ObjectNode> rendered = new ArrayList<>();
            int chars = 0;
            for (Outbox.Entry entry : waiting) {
                ObjectNode embed = embeds.render(entry.event());
                int size = DiscordLimits.countedCharacters(embed);
                boolean full = taken.size() == DiscordLimits.EMBEDS_PER_MESSAGE || chars + size > DiscordLimits.MESSAGE_CHARACTERS;
                if (!taken.isEmpty() && (single || full)) {
                    break;
                }
                taken.add(entry);
                rendered.add(embed);
                chars += size;
            }
            List<LinkButton> buttons = taken.stream().flatMap(e -> embeds.button(e.event(), taken.size() == 1).stream()).toList();
            return new Message(taken, rendered, buttons, false);
        }
        DigestRenderer.Digest digest = digests.render(waiting.stream().map(Outbox.Entry::event).toList());
        // A digest's lines are links to their orders; it has no buttons.
        return new Message(waiting.subList(0, digest.events()), digest.embeds(), List.of(), true);
    }

    private DiscordWebhooks.Answer post(Integration integration, Message message) {
        String body = DiscordMessage.of(integration, message.embeds(), message.buttons());
        DiscordWebhooks.Answer answer = discord.execute(integration.webhook(), body);
        for (int retry = 1; retry <= SERVER_ERROR_RETRIES && (answer.status() == 0 || answer.status() >= 500); retry++) {
            pause.sleep(Duration.ofMillis(250L << retry));
            answer = discord.execute(integration.webhook(), body);
        }
        return answer;
    }

    /** The integration's toggles by kind of change: starts, moves back, edits and deletions are "updated". */
    static boolean wanted(Notifications toggles, OrderEvent event) {
        return switch (ChangeKinds.of(event)) {
            case CREATED -> toggles.orderCreated();
            case READY -> toggles.orderReady();
            case BLOCKED -> toggles.orderBlocked();
            case COMPLETED -> toggles.orderCompleted();
            case FAILED -> toggles.orderFailed();
            case STARTED, UPDATED, DELETED -> toggles.orderUpdated();
        };
    }
}
