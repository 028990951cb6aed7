package dev.orderchainer.delivery.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderchainer.delivery.domain.ChangeMessages;
import dev.orderchainer.delivery.domain.DigestRenderer;
import dev.orderchainer.delivery.domain.DiscordSender;
import dev.orderchainer.delivery.domain.EmbedRenderer;
import dev.orderchainer.delivery.domain.Outbox;
import dev.orderchainer.delivery.domain.OutboxWriter;
import dev.orderchainer.delivery.domain.TemplatedEmbedRenderer;
import dev.orderchainer.delivery.domain.WebhookAddress;
import dev.orderchainer.discord.client.HttpDiscordWebhooks;
import dev.orderchainer.discord.domain.Notifications;
import dev.orderchainer.discord.domain.Webhook;
import dev.orderchainer.discord.domain.WebhookEvent;
import dev.orderchainer.discord.domain.WebhookIds;
import dev.orderchainer.discord.domain.WebhookUrl;
import dev.orderchainer.discord.store.DynamoDbWebhookStore;
import dev.orderchainer.local.FakeDiscord;
import dev.orderchainer.local.LocalServices;
import dev.orderchainer.local.MovableClock;
import dev.orderchainer.orders.domain.OrderStatus;
import dev.orderchainer.orders.events.OrderEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The outbox writer and the paced sender with their real adapters: DynamoDB Local, HTTP to a fake Discord. */
class DiscordSenderOnDynamoDbTest {
    private static final String TOKEN = "Xy3kP9mQ2vL8nR4tW6zA1bC5dE7fG0hJ2kM4pN6qS8uV0xZ3aB5cD7eF9gH1iJ3kL5m";
    private static final LocalServices LOCAL = LocalServices.shared();
    private static final AtomicLong POSITIONS = new AtomicLong(1_000_000);
    private static FakeDiscord discord;
    private final DynamoDbWebhookStore integrations = new DynamoDbWebhookStore(LOCAL.dynamoDb(), "AppTable");
    /** Each test workspace's one webhook. */
    private final Map<String, WebhookAddress> hooks = new HashMap<>();
    /** Time that only the sender's pauses move, so pacing is seen without waiting for it. */
    private final MovableClock clock = new MovableClock(Instant.now());
    private final List<Duration> pauses = new ArrayList<>();
    private final List<OrderEvent> deadLettered = new ArrayList<>();
    private final Outbox outbox = new DynamoDbOutbox(LOCAL.dynamoDb(), "AppTable", clock);
    private final OutboxWriter writer = new OutboxWriter(integrations, outbox);

    @BeforeAll
    static void start() {
        discord = FakeDiscord.start(0);
    }

    @AfterAll
    static void stop() {
        discord.close();
    }

    private DiscordSender sender(Duration discordTimeout, Duration pace) {
        return new DiscordSender(integrations, outbox, (event, answer) -> deadLettered.add(event),
                new HttpDiscordWebhooks(discord.apiBase().toString(), discordTimeout),
                new ChangeMessages(new EmbedRenderer(() -> "https://app.example.com/orders/{id}"),
                        new TemplatedEmbedRenderer(() -> "https://app.example.com/orders/{id}")),
                new DigestRenderer(() -> "https://app.example.com/orders/{id}"), workspaceId -> "Personal",
                pause -> {
                    pauses.add(pause);
                    clock.advance(pause);
                }, clock, pace);
    }

    private DiscordSender sender() {
        return sender(Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    private DiscordSender.Result drain(DiscordSender sender, String userId) {
        return sender.drain(hook(userId), clock.instant().plusSeconds(50));
    }

    private WebhookAddress hook(String userId) {
        return hooks.getOrDefault(userId, new WebhookAddress(userId, "wh_" + "0".repeat(24)));
    }

    /** A user with an integration; returns the user id and the webhook id. */
    private String[] user(Notifications toggles) {
        String userId = UUID.randomUUID().toString();
        String webhookId = Long.toString(1_100_000_000_000_000_000L + (long) (Math.random() * 1e17));
        discord.registerWebhook(webhookId, TOKEN);
        Webhook webhook = new Webhook(userId, WebhookIds.next(), true, "Orders", new WebhookUrl(webhookId, TOKEN), "Order bot", null, null,
                toggles.applyTo(EnumSet.noneOf(WebhookEvent.class)), null, null, true, null, Instant.now(), Instant.now());
        integrations.seed(webhook);
        hooks.put(userId, WebhookAddress.of(webhook));
        return new String[] {userId, webhookId};
    }

    private static OrderEvent event(String userId, OrderEvent.Type type, OrderStatus newStatus, String title) {
        String id = UUID.randomUUID().toString();
        String orderId = "01JDQ8X3V7M2K9P4R6" + String.format("%08d", POSITIONS.incrementAndGet() % 100_000_000);
        return new OrderEvent(id, type, userId, orderId, title, "", OrderStatus.PENDING, newStatus, List.of("status"), List.of(),
                "2026-11-24T06:15:02Z", null, null, null);
    }

    private static OutboxWriter.Queued queued(OrderEvent event) {
        return new OutboxWriter.Queued("m-" + event.eventId(), Long.toString(POSITIONS.incrementAndGet()), event);
    }

    /** {@code count} creation events of one user, titled "Order 0".. in queue order. */
    private static List<OutboxWriter.Queued> created(String userId, int count) {
        List<OutboxWriter.Queued> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(queued(event(userId, OrderEvent.Type.CREATED, OrderStatus.PENDING, "Order " + i)));
        }
        return batch;
    }

    private void write(List<OutboxWriter.Queued> events) {
        for (int from = 0; from < events.size(); from += 10) {
            writer.write(events.subList(from, Math.min(events.size(), from + 10)));
        }
    }

    private static List<FakeDiscord.Message> messagesTo(String webhookId) {
        return discord.received().stream().filter(m -> m.webhookId().equals(webhookId)).toList();
    }

    private static int embedsTo(String webhookId) {
        return messagesTo(webhookId).stream().mapToInt(m -> m.body().path("embeds").size()).sum();
    }

    @Test
    void calmTrafficGetsOneRichEmbedPerChangeUpToTenToAMessage() {
        String[] user = user(Notifications.ALL);
        write(created(user[0], 3));
        assertEquals(DiscordSender.Result.DRAINED, drain(sender(), user[0]));
        write(created(user[0], 10));
        assertEquals(DiscordSender.Result.DRAINED, drain(sender(), user[0]));
        List<FakeDiscord.Message> messages = messagesTo(user[1]);
        assertEquals(List.of(3, 10), messages.stream().map(m -> m.body().path("embeds").size()).toList());
        assertEquals("Order created: Order 0", messages.get(0).body().path("embeds").path(0).path("title").asText());
        assertTrue(messages.get(0).body().path("allowed_mentions").path("parse").isEmpty());
        // Discord (and the fake) keeps a webhook's buttons only when the post asks ?with_components=true.
        JsonNode buttons = messages.get(0).body().path("components").path(0).path("components");
        assertEquals(List.of("Open: Order 0", "Open: Order 1", "Open: Order 2"), buttons.findValuesAsText("label"));
        assertTrue(buttons.path(0).path("url").asText().startsWith("https://app.example.com/orders/01JDQ8X3V7M2K9P4R6"));
        assertEquals(List.of(), pauses, "each drain's first post goes at once");
        assertTrue(outbox.waiting(hook(user[0]), 10).isEmpty());
    }

    @Test
    void aBurstGoesAsDigestsNamingEveryChangeOnceWithinDiscordsLimits() {
        String[] user = user(Notifications.ALL);
        List<OutboxWriter.Queued> burst = created(user[0], 1000);
        write(burst);
        assertEquals(DiscordSender.Result.DRAINED, drain(sender(), user[0]));

        List<FakeDiscord.Message> messages = messagesTo(user[1]);
        // Each line links to its order (about 60 characters of URL here), so a message holds about 60 lines.
        assertTrue(messages.size() <= 18, "1,000 changes in " + messages.size() + " messages");
        Map<String, Integer> named = new HashMap<>();
        for (FakeDiscord.Message message : messages) {
            int chars = 0;
            assertTrue(message.body().path("embeds").size() <= 10);
            for (var embed : message.body().path("embeds")) {
                String description = embed.path("description").asText();
                assertTrue(description.length() <= 4096);
                chars += embed.path("title").asText().length() + description.length() + embed.path("footer").path("text").asText().length();
                for (String line : description.split("\n")) {
                    named.merge(line, 1, Integer::sum);
                }
            }
            assertTrue(chars <= 6000, "a message of " + chars + " characters");
        }
        assertEquals(1000, named.size(), "every change has its own line");
        for (OutboxWriter.Queued queued : burst) {
            assertEquals(1, named.getOrDefault(DigestRenderer.line(queued.event(),
                    "https://app.example.com/orders/" + queued.event().orderId()), 0), queued.event().title());
        }
        assertTrue(outbox.waiting(hook(user[0]), 10).isEmpty());
    }

    @Test
    void whileFewWaitTheSenderKeepsThePace() {
        String[] user = user(Notifications.ALL);
        write(created(user[0], 2));
        // Refused together, so they go one by one: each post after the first waits for the pace.
        discord.script(new FakeDiscord.Scripted(400, "{\"message\":\"Invalid Form Body\",\"code\":50035}", Map.of()));
        assertEquals(DiscordSender.Result.DRAINED, drain(sender(Duration.ofSeconds(2), Duration.ofMillis(800)), user[0]));
        assertEquals(List.of(Duration.ofMillis(800), Duration.ofMillis(800)), pauses);
        assertEquals(2, messagesTo(user[1]).size());
    }

    @Test
    void whenMoreWaitThanAMessageHoldsOnlyDiscordsBucketPacesTheDigests() {
        String[] user = user(Notifications.ALL);
        write(created(user[0], 1000));
        discord.script(new FakeDiscord.Scripted(200, "{\"id\":\"1\"}", Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset-After", "1.5")));
        assertEquals(DiscordSender.Result.DRAINED, drain(sender(Duration.ofSeconds(2), Duration.ofMillis(800)), user[0]));
        assertEquals(List.of(Duration.ofMillis(1500), Duration.ofMillis(800)), pauses,
                "the empty bucket's reset; no pace between full digests; the pace again once the rest fits one message");
        assertTrue(messagesTo(user[1]).size() >= 5, messagesTo(user[1]).size() + " messages");
    }

    @Test
    void anEventIsNeverPostedTwice() {
        String[] user = user(Notifications.ALL);
        List<OutboxWriter.Queued> batch = created(user[0], 2);
        writer.write(batch);
        writer.write(batch);
        drain(sender(), user[0]);
        writer.write(batch);
        writer.write(List.of(batch.get(1)));
        drain(sender(), user[0]);
        assertEquals(1, messagesTo(user[1]).size());
        assertEquals(2, embedsTo(user[1]));
    }

    @Test
    void togglesAndMissingIntegrationsKeepEventsOutOfTheOutbox() {
        String[] user = user(new Notifications(true, false, true, false, true, true));
        OutboxWriter.Outcome outcome = writer.write(List.of(queued(event(user[0], OrderEvent.Type.UPDATED, OrderStatus.PENDING, "Print")),
                queued(event(user[0], OrderEvent.Type.STATUS_CHANGED, OrderStatus.FAILED, "Print")),
                queued(event(user[0], OrderEvent.Type.STATUS_CHANGED, OrderStatus.COMPLETED, "Print"))));
        assertEquals(1, outbox.waiting(hook(user[0]), 10).size());
        drain(sender(), user[0]);
        List<FakeDiscord.Message> messages = messagesTo(user[1]);
        assertEquals(1, messages.size());
        assertEquals("Order completed: Print", messages.get(0).body().path("embeds").path(0).path("title").asText());

        String nobody = UUID.randomUUID().toString();
        OutboxWriter.Outcome without = writer.write(List.of(queued(event(nobody, OrderEvent.Type.CREATED, OrderStatus.PENDING, "X"))));
        assertTrue(without.webhooksWithNews().isEmpty());
        assertTrue(outbox.waiting(hook(nobody), 10).isEmpty(), "no integration, no outbox");
        assertEquals(List.of(hook(user[0])), List.copyOf(outcome.webhooksWithNews()));
    }

    @Test
    void unreadableMessagesAreReportedForTheDeadLetterQueue() {
        String[] user = user(Notifications.ALL);
        OutboxWriter.Queued good = queued(event(user[0], OrderEvent.Type.CREATED, OrderStatus.PENDING, "Fine"));
        OutboxWriter.Outcome outcome = writer.write(List.of(new OutboxWriter.Queued("m-poison", "1", null), good,
                new OutboxWriter.Queued("m-unordered", null, good.event())));
        assertEquals(List.of("m-poison", "m-unordered"), List.copyOf(outcome.failed()));
        assertEquals(1, outbox.waiting(hook(user[0]), 10).size());
    }

    @Test
    void a429WaitsDiscordsRetryAfterAndNothingIsLost() {
        String[] user = user(Notifications.ALL);
        write(created(user[0], 4));
        discord.script(new FakeDiscord.Scripted(429, "{\"message\":\"You are being rate limited.\",\"retry_after\":1.3,\"global\":false}",
                Map.of("Retry-After", "2")));
        assertEquals(DiscordSender.Result.DRAINED, drain(sender(), user[0]));
        assertEquals(List.of(Duration.ofMillis(1300)), pauses);
        assertEquals(4, embedsTo(user[1]), "posted once after the wait");
    }

    @Test
    void serverErrorsAreRetriedThenLeftForALaterDrainWhichPostsOnce() {
        String[] user = user(Notifications.ALL);
        write(created(user[0], 1));
        discord.script(new FakeDiscord.Scripted(500, "{}", Map.of()), new FakeDiscord.Scripted(502, "{}", Map.of()));
        assertEquals(DiscordSender.Result.DRAINED, drain(sender(), user[0]), "the third try succeeds");
        assertEquals(2, pauses.size());

        write(created(user[0], 1));
        discord.script(new FakeDiscord.Scripted(500, "{}", Map.of()), new FakeDiscord.Scripted(500, "{}", Map.of()),
                new FakeDiscord.Scripted(500, "{}", Map.of()));
        assertEquals(DiscordSender.Result.RETRY_LATER, drain(sender(), user[0]));
        assertEquals(1, outbox.waiting(hook(user[0]), 10).size(), "it still waits");
        assertEquals(DiscordSender.Result.DRAINED, drain(sender(), user[0]));
        assertEquals(2, embedsTo(user[1]), "each change once");
    }

    @Test
    void timeoutsAreRetriedAndTheEventIsPostedOnceWhenDiscordAnswersAgain() {
        String[] user = user(Notifications.ALL);
        DiscordSender impatient = sender(Duration.ofMillis(300), Duration.ofSeconds(1));
        write(created(user[0], 1));
        discord.script(FakeDiscord.Scripted.hang(Duration.ofSeconds(1)), FakeDiscord.Scripted.hang(Duration.ofSeconds(1)),
                FakeDiscord.Scripted.hang(Duration.ofSeconds(1)));
        assertEquals(DiscordSender.Result.RETRY_LATER, drain(impatient, user[0]));
        assertEquals(DiscordSender.Result.DRAINED, drain(impatient, user[0]));
        assertEquals(1, embedsTo(user[1]));
    }

    @Test
    void anUnknownWebhookDisablesTheIntegrationAndDropsWhatWaits() {
        String[] user = user(Notifications.ALL);
        write(created(user[0], 3));
        discord.script(new FakeDiscord.Scripted(404, "{\"message\":\"Unknown Webhook\",\"code\":10015}", Map.of()));
        assertEquals(DiscordSender.Result.DRAINED, drain(sender(), user[0]));
        Webhook integration = integrations.get(user[0], hook(user[0]).webhookId()).orElseThrow();
        assertFalse(integration.enabled());
        assertTrue(integration.disabledReason().contains("404"));
        assertTrue(outbox.waiting(hook(user[0]), 10).isEmpty());
        assertTrue(writer.write(created(user[0], 1)).webhooksWithNews().isEmpty(), "a disabled integration gets nothing");
        assertEquals(0, messagesTo(user[1]).size());
    }

    @Test
    void aRefusedChangeGoesToTheDeadLetterQueueAndTheOthersArePostedOneByOne() {
        String[] user = user(Notifications.ALL);
        List<OutboxWriter.Queued> batch = created(user[0], 5);
        String marker = "Unsendable " + UUID.randomUUID();
        batch.set(2, queued(event(user[0], OrderEvent.Type.CREATED, OrderStatus.PENDING, marker)));
        write(batch);
        discord.refuseMessagesContaining(marker);
        try {
            assertEquals(DiscordSender.Result.DRAINED, drain(sender(), user[0]));
        } finally {
            discord.refuseMessagesContaining(null);
        }
        assertEquals(List.of(marker), deadLettered.stream().map(OrderEvent::title).toList());
        assertEquals(4, embedsTo(user[1]), "the four others are delivered, one per message");
        assertEquals(4, messagesTo(user[1]).size());
        assertTrue(outbox.waiting(hook(user[0]), 10).isEmpty());
    }

    @Test
    void oneSenderAtATimeAndAnExpiredLeaseCanBeTaken() {
        String[] user = user(Notifications.ALL);
        write(created(user[0], 1));
        assertTrue(outbox.lease(hook(user[0]), "someone else", clock.instant().plusSeconds(30)));
        assertEquals(DiscordSender.Result.HELD_ELSEWHERE, drain(sender(), user[0]));
        assertEquals(0, messagesTo(user[1]).size());
        clock.advance(Duration.ofSeconds(31));
        assertEquals(DiscordSender.Result.DRAINED, drain(sender(), user[0]), "a crashed sender's lease runs out");
        assertEquals(1, messagesTo(user[1]).size());
    }

    @Test
    void theDeadlineLeavesTheRestForTheNextDrain() {
        String[] user = user(Notifications.ALL);
        write(created(user[0], 2));
        discord.script(new FakeDiscord.Scripted(429, "{\"message\":\"slow down\",\"retry_after\":30,\"global\":false}", Map.of()));
        assertEquals(DiscordSender.Result.MORE_LATER, sender().drain(hook(user[0]), clock.instant().plusSeconds(10)));
        assertEquals(2, outbox.waiting(hook(user[0]), 10).size());
    }
}
