package dev.orderchainer.delivery.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderchainer.discord.domain.DiscordLimits;
import dev.orderchainer.discord.domain.DiscordMessage;
import dev.orderchainer.discord.domain.DiscordWebhooks;
import dev.orderchainer.discord.domain.LinkButton;
import dev.orderchainer.discord.domain.Webhook;
import dev.orderchainer.discord.domain.WebhookStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains one webhook's outbox to it as its only sender (a lease), so each webhook has its own pace, bucket, digest and
 * disabling, and a slow or dead one never holds up another. While one message holds
 * everything that waits (10 embeds, 6,000 characters), each change gets its own rich embed; when more wait,
 * they go as digests. Paced: after a post it waits {@code pace} before the next unless more wait than one
 * message (a full digest) holds, so a burst gathers into few digests and calm traffic goes at once; and it
 * never posts into a bucket Discord said is empty. A 429 waits Discord's retry_after. 5xx and timeouts are retried twice, then
 * left for a later drain. A 400 refuses content: the message's changes are posted one by one and only the
 * refused one goes to the dead-letter queue. A 401/404 disables the webhook and drops what waits.
 */
public final class DiscordSender {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordSender.class);
    static final int SERVER_ERROR_RETRIES = 2;
    /** Entries read per round: more than any message holds, few enough to read in one page. */
    static final int READ_AHEAD = 500;
    /** The lease outlives the drain's deadline by this much, in case the function is stopped mid-post. */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(15);
    private final WebhookStore webhooks;
    private final Outbox outbox;
    private final RefusedEvents refused;
    private final DiscordWebhooks discord;
    private final ChangeMessages messages;
    private final DigestRenderer digests;
    private final WorkspaceNames workspaceNames;
    private final Pause pause;
    private final Clock clock;
    private final Duration pace;

    /** Waiting, replaceable in tests. */
    public interface Pause {
        void sleep(Duration duration);
    }

    /** How a drain ended: nothing waits; another sender holds the lease; the deadline came first; Discord is failing. */
    public enum Result { DRAINED, HELD_ELSEWHERE, MORE_LATER, RETRY_LATER }

    public DiscordSender(WebhookStore webhooks, Outbox outbox, RefusedEvents refused, DiscordWebhooks discord, ChangeMessages messages,
                         DigestRenderer digests, WorkspaceNames workspaceNames, Pause pause, Clock clock, Duration pace) {
        this.webhooks = webhooks;
        this.outbox = outbox;
        this.refused = refused;
        this.discord = discord;
        this.messages = messages;
        this.digests = digests;
        this.workspaceNames = workspaceNames;
        this.pause = pause;
        this.clock = clock;
        this.pace = pace;
    }

    public Result drain(WebhookAddress address, Instant deadline) {
        String holder = UUID.randomUUID().toString();
        if (!outbox.lease(address, holder, deadline.plus(LEASE_MARGIN))) {
            return Result.HELD_ELSEWHERE;
        }
        Result result;
        try {
            result = drainHeld(address, deadline);
        } finally {
            outbox.release(address, holder);
        }
        // An event added just before the release may have been nudged while the lease was still held: look once more.
        return result == Result.DRAINED && !outbox.waiting(address, 1).isEmpty() ? Result.MORE_LATER : result;
    }

    private Result drainHeld(WebhookAddress address, Instant deadline) {
        Pacing pacing = new Pacing();
        WorkspaceName workspaceName = new WorkspaceName(address.workspaceId());
        while (true) {
            List<Outbox.Entry> waiting = outbox.waiting(address, READ_AHEAD);
            if (waiting.isEmpty()) {
                return Result.DRAINED;
            }
            Optional<Webhook> webhook = deliverable(address, waiting);
            if (webhook.isEmpty()) {
                continue;
            }
            Message message = compose(webhook.get(), waiting, pacing.oneByOne > 0, workspaceName);
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
            DiscordWebhooks.Answer answer = post(webhook.get(), message);
            pacing.posted(answer);
            if (!settle(webhook.get(), message, answer, pacing)) {
                LOG.warn("Discord answered {} for webhook {} of workspace {}; {} events wait for a later drain", answer.status(),
                        address.webhookId(), address.workspaceId(), waiting.size());
                return Result.RETRY_LATER;
            }
        }
    }

    /** The workspace's name for templates, read at most once a drain and only if a template asks for it. */
    private final class WorkspaceName implements Supplier<String> {
        private final String workspaceId;
        private String name;

        WorkspaceName(String workspaceId) {
            this.workspaceId = workspaceId;
        }

        @Override
        public String get() {
            if (name == null) {
                name = workspaceNames.of(workspaceId);
            }
            return name;
        }
    }

    /** The webhook when it may post all that waits; else what may not be posted is discarded and empty returned. */
    private Optional<Webhook> deliverable(WebhookAddress address, List<Outbox.Entry> waiting) {
        Optional<Webhook> found = webhooks.get(address.workspaceId(), address.webhookId());
        if (found.isEmpty() || !found.get().enabled()) {
            outbox.discard(address, waiting);
            return Optional.empty();
        }
        // Its filter may have changed since the changes were added.
        List<Outbox.Entry> unwanted = waiting.stream().filter(e -> !OutboxWriter.wants(found.get(), e.event())).toList();
        if (!unwanted.isEmpty()) {
            outbox.discard(address, unwanted);
            return Optional.empty();
        }
        return found;
    }

    /** What follows from Discord's answer; false when Discord is failing and the rest waits for a later drain. */
    private boolean settle(Webhook webhook, Message message, DiscordWebhooks.Answer answer, Pacing pacing) {
        WebhookAddress address = WebhookAddress.of(webhook);
        if (answer.ok()) {
            outbox.delivered(address, message.entries());
            pacing.oneByOne = Math.max(0, pacing.oneByOne - message.entries().size());
            return true;
        }
        if (answer.webhookGone()) {
            webhooks.disable(webhook, "Discord answered " + answer.status() + ": the webhook no longer exists");
            LOG.warn("disabled Discord webhook {} of workspace {}: gone ({})", address.webhookId(), address.workspaceId(), answer.status());
            return true;
        }
        if (answer.status() == 400) {
            refused(address, message, answer, pacing);
            return true;
        }
        if (answer.status() == 429) {
            pacing.bucketReset = clock.instant().plusMillis((long) (answer.retryAfterSeconds().orElse(1) * 1000));
            return true;
        }
        return false;
    }

    /** Discord refused the content: find the refused change by posting one at a time; it alone goes to the dead-letter queue. */
    private void refused(WebhookAddress address, Message message, DiscordWebhooks.Answer answer, Pacing pacing) {
        if (message.entries().size() > 1 || message.digest()) {
            pacing.oneByOne = message.entries().size();
            return;
        }
        Outbox.Entry refusedEntry = message.entries().get(0);
        LOG.error("Discord refused event {} ({}); it goes to the dead-letter queue, the rest go on", refusedEntry.event().eventId(), answer.body());
        refused.deadLetter(refusedEntry.event(), answer.body());
        outbox.discard(address, List.of(refusedEntry));
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

    private Message compose(Webhook webhook, List<Outbox.Entry> waiting, boolean single, Supplier<String> workspaceName) {
        if (single || waiting.size() <= DiscordLimits.EMBEDS_PER_MESSAGE) {
            List<Outbox.Entry> taken = new ArrayList<>();
            List<ObjectNode> rendered = new ArrayList<>();
            int chars = 0;
            for (Outbox.Entry entry : waiting) {
                ObjectNode embed = messages.embed(webhook, entry.event(), workspaceName);
                int size = DiscordLimits.countedCharacters(embed);
                boolean full = taken.size() == DiscordLimits.EMBEDS_PER_MESSAGE || chars + size > DiscordLimits.MESSAGE_CHARACTERS;
                if (!taken.isEmpty() && (single || full)) {
                    break;
                }
                taken.add(entry);
                rendered.add(embed);
                chars += size;
            }
            return new Message(taken, rendered, messages.buttons(taken.stream().map(Outbox.Entry::event).toList()), false);
        }
        DigestRenderer.Digest digest = digests.render(waiting.stream().map(Outbox.Entry::event).toList());
        // A digest's lines are links to their orders; it has no buttons.
        return new Message(waiting.subList(0, digest.events()), digest.embeds(), List.of(), true);
    }

    private DiscordWebhooks.Answer post(Webhook webhook, Message message) {
        String body = DiscordMessage.of(webhook, message.embeds(), message.buttons());
        DiscordWebhooks.Answer answer = discord.execute(webhook.url(), webhook.threadId(), body);
        for (int retry = 1; retry <= SERVER_ERROR_RETRIES && (answer.status() == 0 || answer.status() >= 500); retry++) {
            pause.sleep(Duration.ofMillis(250L << retry));
            answer = discord.execute(webhook.url(), webhook.threadId(), body);
        }
        return answer;
    }
}
