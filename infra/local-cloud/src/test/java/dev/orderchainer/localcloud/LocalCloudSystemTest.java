package dev.orderchainer.localcloud;

import static dev.orderchainer.local.JsonText.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderchainer.local.ProjectFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The project's template.yaml served by the local cloud, called over real HTTP. */
class LocalCloudSystemTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalCloud cloud;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start(LocalCloud.Options.forTests(ProjectFiles.template()));
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(cloud.baseUrl() + path));
    }

    @Test
    void healthAnswersThroughTheWholeStack() throws Exception {
        HttpResponse<String> response = send(request("/api/health"));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("content-type").orElseThrow());
        assertTrue(response.headers().firstValue("apigw-requestid").isPresent());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("ok", body.path("status").asText());
        assertEquals("ok", body.path("checks").path("dynamodb").path("status").asText());
    }

    @Test
    void aUserRegistersVerifiesLogsInAndLogsOutOverHttp() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String email = "walk" + id + "@example.org";
        HttpResponse<String> registered = send(request("/api/auth/register").header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        json("email", email, "username", "walk_" + id, "password", "violet kettle orbit mango"))));
        assertEquals(201, registered.statusCode(), registered.body());

        String token = LocalCloudFixtures.verificationToken(email);
        HttpResponse<String> verified = send(request("/api/auth/verify-email").header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json("token", token))));
        assertEquals(200, verified.statusCode(), verified.body());

        HttpResponse<String> login = send(request("/api/auth/token").header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=walk_" + id + "&password=violet+kettle+orbit+mango")));
        assertEquals(200, login.statusCode(), login.body());
        String access = JSON.readTree(login.body()).path("access_token").asText();

        HttpResponse<String> first = send(request("/api/orders/").header("authorization", "Bearer " + access)
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Buy paper\"}")));
        assertEquals(201, first.statusCode(), first.body());
        String paper = JSON.readTree(first.body()).path("id").asText();
        HttpResponse<String> second = send(request("/api/orders").header("authorization", "Bearer " + access)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Print\",\"dependencies\":[\"" + paper + "\"]}")));
        assertEquals(201, second.statusCode(), second.body());
        HttpResponse<String> fetched = send(request("/api/orders/" + paper).header("authorization", "Bearer " + access));
        assertEquals(200, fetched.statusCode(), fetched.body());
        assertEquals(JSON.readTree(second.body()).path("id"), JSON.readTree(fetched.body()).path("dependents").path(0));
        HttpResponse<String> listed = send(request("/api/orders?status=pending&limit=10").header("authorization", "Bearer " + access));
        assertEquals(2, JSON.readTree(listed.body()).path("items").size(), listed.body());

        HttpResponse<String> logout = send(request("/api/auth/logout").header("authorization", "Bearer " + access)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, logout.statusCode(), logout.body());
        HttpResponse<String> again = send(request("/api/auth/logout").header("authorization", "Bearer " + access)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(401, again.statusCode());
    }

    /** A verified user with a Discord integration on {@code webhookId}; returns an access token. */
    private static String connectedUser(String webhookId) throws Exception {
        String userId = UUID.randomUUID().toString();
        cloud.services().dynamoDb().putItem(r -> r.tableName("AppTable").item(Map.of(
                "pk", AttributeValue.fromS("USER#" + userId),
                "sk", AttributeValue.fromS("PROFILE"),
                "email_verified", AttributeValue.fromBool(true))));
        String access = LocalCloudFixtures.accessToken(cloud, userId);
        HttpResponse<String> connected = send(request("/api/discord").header("authorization", "Bearer " + access)
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        json("webhook_url", LocalCloudFixtures.webhookUrl(webhookId)))));
        assertEquals(201, connected.statusCode(), connected.body());
        return access;
    }

    /** What the Discord sink announced to a webhook, in order (digest lines expanded). */
    private static List<String> embedTitles(String webhookId) {
        return LocalCloudFixtures.announcements(cloud, webhookId);
    }

    private static String createOrder(String access, String title) throws Exception {
        HttpResponse<String> created = send(request("/api/orders").header("authorization", "Bearer " + access)
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json("title", title))));
        assertEquals(201, created.statusCode(), created.body());
        return JSON.readTree(created.body()).path("id").asText();
    }

    @Test
    void orderChangesReachDiscordThroughStreamQueueAndNotifier() throws Exception {
        String webhookId = LocalCloudFixtures.webhookId("11");
        String access = connectedUser(webhookId);

        String orderId = createOrder(access, "Deliver E2E");
        HttpResponse<String> started = send(request("/api/orders/" + orderId).header("authorization", "Bearer " + access)
                .header("content-type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"active\"}")));
        assertEquals(200, started.statusCode(), started.body());

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && !embedTitles(webhookId).contains("Order started: Deliver E2E")) {
            Thread.sleep(200);
        }
        assertEquals(List.of("Order created: Deliver E2E", "Order started: Deliver E2E"), embedTitles(webhookId));
    }

    @Test
    void everyEmbedIsTimedAtItsChangeADeleteIncluded() throws Exception {
        String webhookId = LocalCloudFixtures.webhookId("14");
        String access = connectedUser(webhookId);
        Instant beforeCreate = Instant.now();
        String orderId = createOrder(access, "Timed E2E");
        Instant afterCreate = Instant.now();
        Thread.sleep(1500);
        Instant beforeDelete = Instant.now();
        HttpResponse<String> deleted = send(request("/api/orders/" + orderId).header("authorization", "Bearer " + access).DELETE());
        Instant afterDelete = Instant.now();
        assertEquals(204, deleted.statusCode(), deleted.body());

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && !embedTitles(webhookId).contains("Order deleted: Timed E2E")) {
            Thread.sleep(200);
        }
        Map<String, Instant> timed = new HashMap<>();
        LocalCloudFixtures.embeds(cloud, webhookId).forEach(e -> timed.put(e.path("title").asText(), Instant.parse(e.path("timestamp").asText())));
        assertWithin(timed.get("Order created: Timed E2E"), beforeCreate, afterCreate);
        // The stream's own time is rounded down to the minute; the delete's embed must name the delete itself.
        assertWithin(timed.get("Order deleted: Timed E2E"), beforeDelete, afterDelete);
    }

    private static void assertWithin(Instant at, Instant from, Instant to) {
        assertTrue(at != null && !at.isBefore(from.minusSeconds(1)) && !at.isAfter(to.plusSeconds(1)),
                at + " is not within a second of [" + from + ", " + to + "]");
    }

    @Test
    void anEventDiscordRefusesReachesTheDeadLetterQueueAndTheOthersAreDelivered() throws Exception {
        String webhookId = LocalCloudFixtures.webhookId("13");
        String access = connectedUser(webhookId);
        String marker = "Refused " + UUID.randomUUID().toString().substring(0, 8);
        cloud.discordSink().refuseMessagesContaining(marker);
        try {
            createOrder(access, "Before it");
            String refused = createOrder(access, marker);
            createOrder(access, "After it");
            String dlq = cloud.services().stack().resources().ref("DiscordDeadLetterQueue");
            boolean deadLettered = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!deadLettered && System.nanoTime() < deadline) {
                deadLettered = cloud.services().sqs().receiveMessage(r -> r.queueUrl(dlq).maxNumberOfMessages(10).waitTimeSeconds(1))
                        .messages().stream().anyMatch(m -> m.body().contains(refused));
            }
            assertTrue(deadLettered, "the refused event is in the DLQ within a minute (not after 5 x 180 s)");
            while (embedTitles(webhookId).size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(500);
            assertEquals(List.of("Order created: Before it", "Order created: After it"), embedTitles(webhookId),
                    "each once, in order");
        } finally {
            cloud.discordSink().refuseMessagesContaining(null);
        }
    }

    @Test
    void unknownRoutesAndMethodsAnswerLikeApiGateway() throws Exception {
        HttpResponse<String> unknown = send(request("/api/nothing-here"));
        assertEquals(404, unknown.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", unknown.body());
        HttpResponse<String> wrongMethod = send(request("/api/health").DELETE());
        assertEquals(404, wrongMethod.statusCode());
    }

    @Test
    void oversizedBodiesGetA413Problem() throws Exception {
        String big = "x".repeat(70 * 1024);
        HttpResponse<String> response = send(request("/api/health")
                .method("GET", HttpRequest.BodyPublishers.ofString(big)).header("content-type", "text/plain"));
        assertEquals(413, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("content-type").orElseThrow());
        JsonNode problem = JSON.readTree(response.body());
        assertEquals(413, problem.path("status").asInt());
        assertTrue(problem.path("detail").asText().contains("at most 65536 bytes"), problem.toString());
        assertEquals("/api/health", problem.path("instance").asText());
    }

    @Test
    void functionsSeeTheEnvironmentTheTemplateDeclares() {
        Map<String, String> env = cloud.functions().get("HealthFunction").environment();
        assertEquals("AppTable", env.get("TABLE_NAME"));
        assertEquals("health", env.get("POWERTOOLS_SERVICE_NAME"));
        assertEquals("OrderChainer", env.get("POWERTOOLS_METRICS_NAMESPACE"));
        assertEquals("-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -Daws.crt.libc=glibc", env.get("JAVA_TOOL_OPTIONS"));
    }
}
