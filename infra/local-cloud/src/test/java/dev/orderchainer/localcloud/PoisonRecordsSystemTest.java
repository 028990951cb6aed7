package dev.orderchainer.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderchainer.local.ProjectFiles;
import dev.orderchainer.orders.domain.Order;
import dev.orderchainer.orders.domain.OrderStatus;
import dev.orderchainer.orders.store.OrderItem;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Records no consumer can process, written straight into the table as older code or a bug could
 * have left them, must not hold back anyone else: every other user's events still reach Discord
 * and their workflow still runs, and nothing lands in the stream failure queue.
 */
class PoisonRecordsSystemTest {
    private static final String TABLE = "AppTable";
    private static LocalCloud cloud;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start(LocalCloud.Options.forTests(ProjectFiles.template()));
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void unprocessableRecordsOfOneUserStopNoOneElsesNotificationsOrWorkflow() throws Exception {
        String poisoner = UUID.randomUUID().toString();
        String poisonerWebhook = connectDiscord(poisoner);
        String victim = UUID.randomUUID().toString();
        String victimWebhook = connectDiscord(victim);
        DynamoDbClient db = cloud.services().dynamoDb();

        // 1. Text SQS refuses (U+FFFF, U+FFFE, a C0 control): the event carries U+FFFD instead.
        db.putItem(r -> r.tableName(TABLE).item(OrderItem.encode(order(poisoner, "01JPQ0000000000000000000A1", "a\uFFFFb\uFFFE\u0001c", ""))));
        // 2. A description far beyond what a queue message holds (SQS: 256 KB).
        db.putItem(r -> r.tableName(TABLE).item(OrderItem.encode(order(poisoner, "01JPQ0000000000000000000A2", "Huge", "x".repeat(300_000)))));
        // 3. An order image the consumers cannot read (no user, no status).
        Map<String, AttributeValue> broken = new HashMap<>(OrderItem.encode(order(poisoner, "01JPQ0000000000000000000A3", "Broken", "")));
        broken.remove("user_id");
        broken.remove("status");
        broken.remove("version");
        db.putItem(r -> r.tableName(TABLE).item(broken));
        // 4. A completion whose dependents DynamoDB refuses to look up (a key over its 1,024-byte limit).
        Map<String, AttributeValue> completing = new HashMap<>(OrderItem.encode(order(poisoner, "01JPQ0000000000000000000A4", "Completing", "")));
        completing.put("dependents", AttributeValue.fromSs(List.of("z".repeat(2000))));
        db.putItem(r -> r.tableName(TABLE).item(completing));
        completing.put("status", AttributeValue.fromS("completed"));
        db.putItem(r -> r.tableName(TABLE).item(completing));

        String access = LocalCloudFixtures.accessToken(cloud, victim);
        String paper = call(access, "POST", "/api/orders", "{\"title\":\"Paper\"}").path("id").asText();
        String print = call(access, "POST", "/api/orders", "{\"title\":\"Print\",\"auto_activate\":true,\"dependencies\":[\"" + paper + "\"]}")
                .path("id").asText();
        call(access, "PUT", "/api/orders/" + paper, "{\"status\":\"active\"}");
        call(access, "PUT", "/api/orders/" + paper, "{\"status\":\"completed\"}");

        await(() -> titles(victimWebhook).containsAll(List.of("Order created: Paper", "Order created: Print", "Order completed: Paper",
                "Order ready: Print", "Order started: Print")), "the other user's notifications", victimWebhook);
        assertEquals("active", call(access, "GET", "/api/orders/" + print, null).path("status").asText(), "auto-activated");
        await(() -> titles(poisonerWebhook).contains("Order created: a\uFFFDb\uFFFD\uFFFDc"), "the sanitized event", poisonerWebhook);
        await(() -> titles(poisonerWebhook).contains("Order created: Huge"), "the event of the huge order", poisonerWebhook);
        JsonNode huge = embeds(poisonerWebhook).stream().filter(e ->
                e.path("title").asText().equals("Order created: Huge")).findFirst().orElseThrow();
        assertTrue(huge.path("description").asText().length() <= 4096, "cut to what an embed holds");
        String failures = cloud.services().stack().resources().ref("OrderStreamFailuresQueue");
        assertEquals(0, cloud.services().sqs().receiveMessage(r -> r.queueUrl(failures).waitTimeSeconds(1)).messages().size(),
                "the consumers skipped what they can never process; no batch was given up on");
    }

    private static Order order(String userId, String id, String title, String description) {
        Instant now = Instant.now();
        return new Order(id, userId, title, description, OrderStatus.PENDING, List.of(), List.of(), false, List.of(), now, now, 1);
    }

    private static String connectDiscord(String userId) {
        String webhookId = "11876543210" + (1_000_000 + (int) (Math.random() * 8_000_000));
        LocalCloudFixtures.seedWebhook(cloud.services().dynamoDb(), userId, webhookId, LocalCloudFixtures.WEBHOOK_TOKEN, null);
        return webhookId;
    }

    private static JsonNode call(String access, String method, String path, String json) throws Exception {
        return LocalCloudFixtures.call(cloud, access, method, path, json);
    }

    private static List<JsonNode> embeds(String webhookId) {
        return LocalCloudFixtures.embeds(cloud, webhookId);
    }

    private static List<String> titles(String webhookId) {
        return embeds(webhookId).stream().map(e -> e.path("title").asText()).toList();
    }

    private static void await(BooleanSupplier condition, String what, String webhookId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what + "; Discord got " + titles(webhookId));
    }
}
