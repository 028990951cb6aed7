package dev.orderchainer.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orderchainer.local.ProjectFiles;
import dev.orderchainer.orders.domain.OrderRequests;
import dev.orderchainer.orders.domain.OrderService;
import dev.orderchainer.orders.store.DynamoDbOrderStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** SQS down while orders change: the stream keeps the changes and every event still reaches Discord, once. */
class QueueOutageTest {

    @Test
    void nothingIsLostOrDuplicatedWhenSqsIsDownDuringWrites() throws Exception {
        try (LocalCloud cloud = LocalCloud.start(LocalCloud.Options.forTests(ProjectFiles.template()))) {
            var dynamoDb = cloud.services().dynamoDb();
            String userId = UUID.randomUUID().toString();
            String webhookId = "1187654321098765432";
            LocalCloudFixtures.seedWebhook(dynamoDb, userId, webhookId, LocalCloudFixtures.WEBHOOK_TOKEN, null);
            OrderService orders = new OrderService(new DynamoDbOrderStore(dynamoDb, "AppTable"), Clock.systemUTC());

            orders.create(userId, new OrderRequests.Create("Before outage", null, null, null, null));
            cloud.services().stopSqs();
            for (int i = 0; i < 20; i++) {
                orders.create(userId, new OrderRequests.Create("During outage " + i, null, null, null, null));
            }
            Thread.sleep(3000);
            cloud.services().restartSqs();
            orders.create(userId, new OrderRequests.Create("After outage", null, null, null, null));

            Map<String, Integer> titles = new HashMap<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                titles.clear();
                LocalCloudFixtures.announcements(cloud, webhookId).forEach(title -> titles.merge(title, 1, Integer::sum));
                if (titles.containsKey("Order created: After outage") && titles.size() >= 22) {
                    break;
                }
                Thread.sleep(200);
            }
            Thread.sleep(1500); // late duplicates would show up here
            titles.clear();
            LocalCloudFixtures.announcements(cloud, webhookId).forEach(title -> titles.merge(title, 1, Integer::sum));
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                if (!titles.containsKey("Order created: During outage " + i)) {
                    missing.add("During outage " + i);
                }
            }
            assertEquals(List.of(), missing, "events written while SQS was down");
            assertEquals(22, titles.size());
            titles.forEach((title, count) -> assertEquals(1, count, title + " was posted " + count + " times"));
        }
    }
}
