package dev.orderchainer.notifier.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.discord.client.HttpDiscordWebhooks;
import dev.orderchainer.discord.domain.Integration;
import dev.orderchainer.discord.domain.Notifications;
import dev.orderchainer.discord.domain.WebhookUrl;
import dev.orderchainer.discord.store.DynamoDbIntegrationStore;
import dev.orderchainer.local.FakeDiscord;
import dev.orderchainer.local.LocalServices;
import dev.orderchainer.orders.domain.OrderStatus;
import dev.orderchainer.orders.events.OrderEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The notifier with its real adapters: DynamoDB Local for integrations and the ledger, HTTP to a fake Discord. */
class NotifierTest {
    private static final String TOKEN = "Xy3kP9mQ2vL8nR4tW6zA1bC5dE7fG0hJ2kM4pN6qS8uV0xZ3aB5cD7eF9gH1iJ3kL5m";
    private static final LocalServices LOCAL = LocalServices.shared();
    private static FakeDiscord discord;
    private final DynamoDbIntegrationStore integrations = new DynamoDbIntegrationStore(LOCAL.dynamoDb(), "AppTable");
    private final List<Duration> pauses = new ArrayList<>();
    private Notifier notifier;

    @BeforeAll
    static void start() {
        discord = FakeDiscord.start(0);
    }

    @AfterAll
    static void stop() {
        discord.close();
    }

    private Notifier notifier() {
        if (notifier == null) {
            notifier = notifier(Duration.ofSeconds(2));
        }
        return notifier;
    }

    private Notifier notifier(Duration discordTimeout) {
        return new Notifier(integrations, new HttpDiscordWebhooks(discord.apiBase().toString(), discordTimeout),
                new DynamoDbDeliveryLedger(LOCAL.dynamoDb(), "AppTable", Clock.systemUTC()),
                new EmbedRenderer("https://app.example.com/orders/{id}"), pauses::add, Clock.systemUTC());
    }

    /** A user with an integration; returns the user id and the webhook id. */
    private String[] user(Notifications toggles) {
        String userId = UUID.randomUUID().toString();
        String webhookId = Long.toString(1_100_000_000_000_000_000L + (long) (Math.random() * 1e17));
        discord.registerWebhook(webhookId, TOKEN);
        integrations.put(new Integration(userId, new WebhookUrl(webhookId, TOKEN), "Order bot", null, toggles, true, null,
                Instant.now(), Instant.now()));
        return new String[] {userId, webhookId};
    }

    private static Notifier.Queued queued(String userId, OrderEvent.Type type, OrderStatus newStatus) {
        String id = UUID.randomUUID().toString();
        return new Notifier.Queued("m-" + id, new OrderEvent(id, type, userId, "01JDQ8X3V7M2K9P4R6T8W0Y2A4", "Print", "",
                OrderStatus.PENDING, newStatus, List.of("status"), List.of(), "2026-11-24T06:15:02Z", null));
    }

    /** {@code count} creation events of one user, in a list the test may change. */
    private static List<Notifier.Queued> created(String userId, int count) {
        List<Notifier.Queued> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(queued(userId, OrderEvent.Type.CREATED, OrderStatus.PENDING));
        }
        return batch;
    }

    private long messagesTo(String webhookId) {
        return discord.received().stream().filter(m -> m.webhookId().equals(webhookId)).count();
    }

    @Test
    void eventsOfOneWebhookAreCoalescedTenToAMessage() {
        String[] user = user(Notifications.ALL);
        List<Notifier.Queued> batch = created(user[0], 25);
        Notifier.Outcome outcome = notifier().deliver(batch);
        assertTrue(outcome.failed().isEmpty());
        List<FakeDiscord.Message> messages = discord.received().stream().filter(m -> m.webhookId().equals(user[1])).toList();
        assertEquals(List.of(10, 10, 5), messages.stream().map(m -> m.body().path("embeds").size()).toList());
        assertTrue(messages.get(0).body().path("allowed_mentions").path("parse").isEmpty());
    }

    @Test
    void anEventIsNeverPostedTwice() {
        String[] user = user(Notifications.ALL);
        List<Notifier.Queued> batch = List.of(queued(user[0], OrderEvent.Type.CREATED, OrderStatus.PENDING), queued(user[0],
                OrderEvent.Type.UPDATED, OrderStatus.PENDING));
        notifier().deliver(batch);
        notifier().deliver(batch);
        notifier().deliver(List.of(batch.get(1)));
        assertEquals(1, messagesTo(user[1]));
    }

    @Test
    void togglesDropWhatTheUserTurnedOff() {
        String[] user = user(new Notifications(true, false, true, false, true, true));
        notifier().deliver(List.of(queued(user[0], OrderEvent.Type.UPDATED, OrderStatus.PENDING),
                queued(user[0], OrderEvent.Type.STATUS_CHANGED, OrderStatus.FAILED), queued(user[0], OrderEvent.Type.STATUS_CHANGED,
                        OrderStatus.COMPLETED)));
        List<FakeDiscord.Message> messages = discord.received().stream().filter(m -> m.webhookId().equals(user[1])).toList();
        assertEquals(1, messages.size());
        assertEquals(1, messages.get(0).body().path("embeds").size());
        assertEquals("Order completed: Print", messages.get(0).body().path("embeds").path(0).path("title").asText());
    }

    @Test
    void a429SendsTheRestBackWithDiscordsRetryAfterAndNothingIsLost() {
        String[] user = user(Notifications.ALL);
        List<Notifier.Queued> batch = created(user[0], 12);
        discord.script(new FakeDiscord.Scripted(200, "{\"id\":\"1\"}", Map.of()),
                new FakeDiscord.Scripted(429, "{\"message\":\"You are being rate limited.\",\"retry_after\":1.3,\"global\":false}",
                        Map.of("Retry-After", "2")));
        Notifier.Outcome outcome = notifier().deliver(batch);
        assertEquals(2, outcome.failed().size(), "the second message's two events come back");
        assertEquals(Map.of(batch.get(10).messageId(), 2, batch.get(11).messageId(), 2), outcome.visibilitySeconds());
        Notifier.Outcome retried = notifier().deliver(batch.subList(10, 12));
        assertTrue(retried.failed().isEmpty(), "released claims are posted on the retry");
        assertEquals(1, messagesTo(user[1]), "the first (scripted) message and the retry: one recorded post");
        assertEquals(2, discord.received().stream().filter(m -> m.webhookId().equals(user[1]))
                .mapToInt(m -> m.body().path("embeds").size()).sum());
    }

    @Test
    void serverErrorsAreRetriedThenReturnedWithAShortDelay() {
        String[] user = user(Notifications.ALL);
        Notifier.Queued event = queued(user[0], OrderEvent.Type.CREATED, OrderStatus.PENDING);
        discord.script(new FakeDiscord.Scripted(500, "{}", Map.of()), new FakeDiscord.Scripted(502, "{}", Map.of()));
        assertTrue(notifier().deliver(List.of(event)).failed().isEmpty(), "the third try succeeds");
        assertEquals(2, pauses.size());
        discord.script(new FakeDiscord.Scripted(500, "{}", Map.of()), new FakeDiscord.Scripted(500, "{}", Map.of()),
                new FakeDiscord.Scripted(500, "{}", Map.of()));
        Notifier.Queued next = queued(user[0], OrderEvent.Type.CREATED, OrderStatus.PENDING);
        Notifier.Outcome outcome = notifier().deliver(List.of(next));
        assertEquals(Map.of(next.messageId(), Notifier.SERVER_ERROR_VISIBILITY_SECONDS), outcome.visibilitySeconds());
    }

    @Test
    void timeoutsAreRetriedThenReturnedAndTheEventIsPostedOnceWhenDiscordAnswersAgain() {
        String[] user = user(Notifications.ALL);
        Notifier impatient = notifier(Duration.ofMillis(300));
        Notifier.Queued event = queued(user[0], OrderEvent.Type.CREATED, OrderStatus.PENDING);
        discord.script(FakeDiscord.Scripted.hang(Duration.ofSeconds(1)), FakeDiscord.Scripted.hang(Duration.ofSeconds(1)));
        assertTrue(impatient.deliver(List.of(event)).failed().isEmpty(), "the third try, after two timeouts, succeeds");
        assertEquals(2, pauses.size());
        assertEquals(1, messagesTo(user[1]));

        Notifier.Queued next = queued(user[0], OrderEvent.Type.CREATED, OrderStatus.PENDING);
        discord.script(FakeDiscord.Scripted.hang(Duration.ofSeconds(1)), FakeDiscord.Scripted.hang(Duration.ofSeconds(1)),
                FakeDiscord.Scripted.hang(Duration.ofSeconds(1)));
        Notifier.Outcome outcome = impatient.deliver(List.of(next));
        assertEquals(Map.of(next.messageId(), Notifier.SERVER_ERROR_VISIBILITY_SECONDS), outcome.visibilitySeconds(),
                "still hanging: the message goes back to the queue with a short delay");
        assertEquals(1, messagesTo(user[1]));
        assertTrue(impatient.deliver(List.of(next, event)).failed().isEmpty(), "the redelivery posts it; the done event is skipped");
        assertEquals(2, messagesTo(user[1]));
        assertEquals(2, discord.received().stream().filter(m -> m.webhookId().equals(user[1]))
                .mapToInt(m -> m.body().path("embeds").size()).sum(), "each event once");
    }

    @Test
    void anUnknownWebhookDisablesTheIntegrationAndDropsItsEvents() {
        String[] user = user(Notifications.ALL);
        discord.script(new FakeDiscord.Scripted(404, "{\"message\":\"Unknown Webhook\",\"code\":10015}", Map.of()));
        Notifier.Outcome outcome = notifier().deliver(List.of(queued(user[0], OrderEvent.Type.CREATED, OrderStatus.PENDING)));
        assertTrue(outcome.failed().isEmpty());
        Integration integration = integrations.get(user[0]).orElseThrow();
        assertFalse(integration.enabled());
        assertTrue(integration.disabledReason().contains("404"));
        notifier().deliver(List.of(queued(user[0], OrderEvent.Type.CREATED, OrderStatus.PENDING)));
        assertEquals(0, messagesTo(user[1]), "a disabled integration gets nothing");
    }

    @Test
    void badRequestsAndPoisonStayForTheDeadLetterQueue() {
        String[] user = user(Notifications.ALL);
        discord.script(new FakeDiscord.Scripted(400, "{\"message\":\"Invalid Form Body\",\"code\":50035}", Map.of()));
        Notifier.Queued rejected = queued(user[0], OrderEvent.Type.CREATED, OrderStatus.PENDING);
        Notifier.Queued poison = new Notifier.Queued("m-poison", null);
        Notifier.Outcome outcome = notifier().deliver(List.of(rejected, poison));
        assertEquals(Set.of(rejected.messageId(), "m-poison"), outcome.failed());
        assertEquals(Map.of(rejected.messageId(), 0), outcome.visibilitySeconds(),
                "a refused event comes back at once, so it reaches the DLQ in seconds; poison keeps the normal visibility");
    }

    @Test
    void oneRefusedEventInACoalescedMessageHoldsBackOnlyItself() {
        String[] user = user(Notifications.ALL);
        List<Notifier.Queued> batch = created(user[0], 5);
        String id = UUID.randomUUID().toString();
        Notifier.Queued refused = new Notifier.Queued("m-" + id, new OrderEvent(id, OrderEvent.Type.CREATED, user[0],
                "01JDQ8X3V7M2K9P4R6T8W0Y2A5", "Unsendable " + id, "", OrderStatus.PENDING, OrderStatus.PENDING, List.of("status"), List.of(),
                "2026-11-24T06:15:02Z", null));
        batch.set(2, refused);
        discord.refuseMessagesContaining("Unsendable " + id);
        try {
            Notifier.Outcome outcome = notifier().deliver(batch);
            assertEquals(Set.of(refused.messageId()), outcome.failed());
            assertEquals(Map.of(refused.messageId(), 0), outcome.visibilitySeconds());
            assertEquals(4, discord.received().stream().filter(m -> m.webhookId().equals(user[1]))
                    .mapToInt(m -> m.body().path("embeds").size()).sum(), "the four others are delivered, one per message");
        } finally {
            discord.refuseMessagesContaining(null);
        }
    }

    @Test
    void anEmptyBucketMakesTheNotifierWaitForTheReset() {
        String[] user = user(Notifications.ALL);
        List<Notifier.Queued> batch = created(user[0], 11);
        discord.script(new FakeDiscord.Scripted(200, "{\"id\":\"1\"}", Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset-After", "1.5")));
        assertTrue(notifier().deliver(batch).failed().isEmpty());
        assertEquals(1, pauses.size(), "one wait before the second message");
        assertTrue(pauses.get(0).toMillis() > 0 && pauses.get(0).toMillis() <= 1500, pauses.toString());
    }
}
