package dev.orderchainer.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.discord.domain.Webhook;
import dev.orderchainer.discord.store.DynamoDbWebhookStore;
import dev.orderchainer.local.FakeDiscord;
import dev.orderchainer.local.ProjectFiles;
import dev.orderchainer.orders.domain.OrderRequests;
import dev.orderchainer.orders.domain.OrderService;
import dev.orderchainer.orders.store.DynamoDbOrderStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Three webhooks of one workspace through the whole pipeline, Discord answering one of them 429 (wait 8 s) and
 * saying another is gone: the healthy one gets every change at once, the gone one is disabled with why, and the
 * rate-limited one gets every change once its wait is over, each exactly once.
 */
class DiscordWebhooksApartSystemTest {
    private static final String TOKEN = "Xy3kP9mQ2vL8nR4tW6zA1bC5dE7fG0hJ2kM4pN6qS8uV0xZ3aB5cD7eF9gH1iJ3kL5m";

    @Test
    void aSlowOrDeadWebhookNeverHoldsUpAnother() throws Exception {
        try (LocalCloud cloud = LocalCloud.start(LocalCloud.Options.forTests(ProjectFiles.template()))) {
            FakeDiscord discord = cloud.discordSink();
            var dynamoDb = cloud.services().dynamoDb();
            String workspace = UUID.randomUUID().toString();
            String healthy = LocalCloudFixtures.webhookId("16");
            String limited = LocalCloudFixtures.webhookId("17");
            String gone = LocalCloudFixtures.webhookId("18");
            List<Webhook> webhooks = new ArrayList<>();
            for (String id : List.of(healthy, limited, gone)) {
                webhooks.add(LocalCloudFixtures.seedWebhook(dynamoDb, workspace, id, TOKEN, null));
            }
            discord.scriptFor(limited, new FakeDiscord.Scripted(429, "{\"message\":\"You are being rate limited.\",\"retry_after\":8,"
                    + "\"global\":false}", Map.of("Retry-After", "8")));
            discord.forgetWebhook(gone);
            OrderService orders = new OrderService(new DynamoDbOrderStore(dynamoDb, "AppTable"), Clock.systemUTC());
            for (int i = 0; i < 5; i++) {
                orders.create(workspace, new OrderRequests.Create("Order " + i, null, null, null, null));
            }
            long start = System.nanoTime();
            await(() -> discord.announcements(healthy).size() == 5, Duration.ofSeconds(30));
            double healthyAfter = (System.nanoTime() - start) / 1e9;
            assertTrue(discord.announcements(limited).isEmpty(), "the rate-limited webhook still waits out its 8 s");
            await(() -> discord.announcements(limited).size() == 5, Duration.ofSeconds(40));
            double limitedAfter = (System.nanoTime() - start) / 1e9;
            assertTrue(healthyAfter < limitedAfter, healthyAfter + " s before " + limitedAfter + " s");
            DynamoDbWebhookStore store = new DynamoDbWebhookStore(dynamoDb, "AppTable");
            await(() -> !store.get(workspace, webhooks.get(2).id()).orElseThrow().enabled(), Duration.ofSeconds(20));
            assertEquals("Discord answered 404: the webhook no longer exists",
                    store.get(workspace, webhooks.get(2).id()).orElseThrow().disabledReason());
            assertTrue(store.get(workspace, webhooks.get(0).id()).orElseThrow().enabled());
            assertTrue(store.get(workspace, webhooks.get(1).id()).orElseThrow().enabled(), "a 429 disables nothing");
            Thread.sleep(2000);
            for (String id : List.of(healthy, limited)) {
                List<String> announced = discord.announcements(id);
                assertEquals(5, announced.size(), "each change once: " + announced);
                assertEquals(5, announced.stream().distinct().count(), announced.toString());
            }
            assertFalse(discord.received().stream().anyMatch(m -> m.webhookId().equals(gone)));
        }
    }

    private interface Condition {
        boolean holds();
    }

    private static void await(Condition condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit);
            }
            Thread.sleep(100);
        }
    }
}
