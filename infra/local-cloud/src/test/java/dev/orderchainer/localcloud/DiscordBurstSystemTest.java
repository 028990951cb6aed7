package dev.orderchainer.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.local.FakeDiscord;
import dev.orderchainer.local.ProjectFiles;
import dev.orderchainer.orders.domain.OrderRequests;
import dev.orderchainer.orders.domain.OrderService;
import dev.orderchainer.orders.store.DynamoDbOrderStore;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A burst of 1,000 new orders for one webhook through the whole pipeline (table stream, publisher, FIFO
 * queue, outbox, paced sender) to a Discord that allows 5 requests per 2 seconds: digests reach the channel
 * within 15 s of the last change, in at most 20 messages, never over the limit, every order named once.
 */
class DiscordBurstSystemTest {
    private static final int CHANGES = 1000;
    private static final String TOKEN = "Xy3kP9mQ2vL8nR4tW6zA1bC5dE7fG0hJ2kM4pN6qS8uV0xZ3aB5cD7eF9gH1iJ3kL5m";

    @Test
    void aThousandChangesArriveAsFewDigestsSoonAfterTheLast() throws Exception {
        try (LocalCloud cloud = LocalCloud.start(LocalCloud.Options.forTests(ProjectFiles.template()))) {
            FakeDiscord discord = cloud.discordSink();
            discord.limitRate(5, Duration.ofSeconds(2));
            String webhookId = LocalCloudFixtures.webhookId("15");
            var dynamoDb = cloud.services().dynamoDb();
            String userId = UUID.randomUUID().toString();
            LocalCloudFixtures.seedWebhook(dynamoDb, userId, webhookId, TOKEN, "OrderChainer");
            OrderService orders = new OrderService(new DynamoDbOrderStore(dynamoDb, "AppTable"), Clock.systemUTC());

            for (int i = 0; i < CHANGES; i++) {
                orders.create(userId, new OrderRequests.Create("Order " + i, null, null, null, null));
            }
            long lastChange = System.nanoTime();
            long deadline = lastChange + Duration.ofSeconds(60).toNanos();
            while (discord.announcements(webhookId).size() < CHANGES && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            double afterLast = (System.nanoTime() - lastChange) / 1e9;
            Thread.sleep(3000);
            List<String> announced = discord.announcements(webhookId);
            Map<String, Integer> counts = new HashMap<>();
            announced.forEach(a -> counts.merge(a, 1, Integer::sum));
            for (int i = 0; i < CHANGES; i++) {
                assertEquals(1, counts.getOrDefault("Order created: Order " + i, 0), "Order " + i + " announced once");
            }
            assertEquals(CHANGES, announced.size(), "nothing else, nothing twice");
            long messages = discord.received().stream().filter(m -> m.webhookId().equals(webhookId)).count();
            assertTrue(messages <= 20, messages + " messages: " + discord.received().stream()
                    .filter(m -> m.webhookId().equals(webhookId)).map(m -> m.body().path("embeds").size() + "/"
                            + m.body().path("embeds").path(0).path("title").asText()).toList());
            assertTrue(afterLast <= 15, "the last arrived " + afterLast + " s after the last change");
            assertEquals(0, discord.rateLimited(), "never over Discord's limit");
        }
    }
}
