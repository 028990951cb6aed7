package dev.orderchainer.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderchainer.local.FakeDiscord;
import dev.orderchainer.local.ProjectFiles;
import dev.orderchainer.local.template.FunctionDefinition;
import dev.orderchainer.local.template.SamTemplate;
import dev.orderchainer.orders.domain.Order;
import dev.orderchainer.orders.domain.OrderIds;
import dev.orderchainer.orders.domain.OrderStatus;
import dev.orderchainer.orders.store.OrderItem;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * infra/openapi.yaml describes exactly the routes of template.yaml, and real answers of the local
 * cloud (successes and problems) have the documented status, content type and shape.
 */
class OpenApiSpecTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static JsonNode spec;
    private static LocalCloud cloud;
    private static String access;
    private static final List<String> problems = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Object yaml = new Yaml().load(Files.readString(ProjectFiles.root().resolve("infra/openapi.yaml")));
        spec = JSON.valueToTree(yaml);
        cloud = LocalCloud.start(LocalCloud.Options.forTests(ProjectFiles.template()));
        access = LocalCloudFixtures.accessToken(cloud, UUID.randomUUID().toString());
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationIsARoute() {
        Set<String> routes = new TreeSet<>();
        for (FunctionDefinition function : SamTemplate.load(ProjectFiles.template()).functions()) {
            function.eventsOfType("HttpApi").forEach(e -> routes.add(e.properties().get("Method") + " " + e.properties().get("Path")));
        }
        Set<String> documented = new TreeSet<>();
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (!method.equals("parameters")) {
                documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        assertEquals(routes, documented);
    }

    @Test
    void securedOperationsDocument401AndOperationsWithBodiesDocument400() {
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (op.getKey().equals("parameters")) {
                return;
            }
            JsonNode operation = op.getValue();
            boolean open = operation.has("security") && operation.path("security").isEmpty();
            String name = op.getKey() + " " + path.getKey();
            if (!open) {
                assertTrue(operation.path("responses").has("401"), name + " documents 401");
            }
            if (operation.has("requestBody")) {
                assertTrue(operation.path("responses").has("400"), name + " documents 400");
            }
            assertTrue(operation.path("responses").has("503") || name.equals("get /api/health"), name + " documents 503");
        }));
    }

    /** The 422s at the limits: a dependency with the most dependents allowed, a graph over 6 MB. */
    private void provokeTheOrderSizeLimits(Api api, String user, String order) throws Exception {
        String userId = new String(Base64.getUrlDecoder().decode(user.split("\\.")[1])).replaceAll(".*\"sub\":\"([^\"]+)\".*", "$1");
        var dynamoDb = cloud.services().dynamoDb();
        var ids = new OrderIds(Clock.systemUTC());
        List<String> dependents = new ArrayList<>();
        for (int i = 0; i < Order.MAX_DEPENDENTS; i++) {
            dependents.add(ids.next());
        }
        var key = Map.of("pk", AttributeValue.fromS("USER#" + userId),
                "sk", AttributeValue.fromS("ORDER#" + order));
        dynamoDb.updateItem(r -> r.tableName("AppTable").key(key).updateExpression("ADD dependents :d")
                .expressionAttributeValues(Map.of(":d", AttributeValue.fromSs(dependents))));
        api.json("POST", "/api/orders", user, "{\"title\":\"One too many\",\"dependencies\":[\"" + order + "\"]}");
        String other = api.json("POST", "/api/orders", user, "{\"title\":\"Other\"}").path("id").asText();
        api.call("PUT", "/api/orders/" + other, "/api/orders/{id}", user, "application/json", "{\"dependencies\":[\"" + order + "\"]}");
        dynamoDb.updateItem(r -> r.tableName("AppTable").key(key).updateExpression("REMOVE dependents"));

        String crowded = UUID.randomUUID().toString();
        List<WriteRequest> batch = new ArrayList<>();
        List<String> created = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < 9_000; i++) {
            var item = OrderItem.encode(new Order(ids.next(), crowded,
                    "Order " + i + " " + "t".repeat(190), "", OrderStatus.PENDING,
                    List.copyOf(created.subList(Math.max(0, created.size() - 10), created.size())), List.of(), false, List.of(), now, now, 1));
            created.add(item.get("id").s());
            batch.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
            if (batch.size() == 25) {
                var writes = List.copyOf(batch);
                dynamoDb.batchWriteItem(r -> r.requestItems(Map.of("AppTable", writes)));
                batch.clear();
            }
        }
        api.call("GET", "/api/orders/graph", "/api/orders/graph", LocalCloudFixtures.accessToken(cloud, crowded), null, null);
    }

    /**
     * Every (operation, status) pair the description documents is provoked for real, and every
     * answer (with all the calls in between) has a documented status, content type and shape.
     */
    @Test
    void everyDocumentedAnswerHappensAndMatchesTheDescription() throws Exception {
        Api api = new Api(cloud, "127.0.0.10");
        String big = "{\"title\":\"" + "x".repeat(70 * 1024) + "\"}";

        api.call("GET", "/api/health", "/api/health", null, null, null);
        String name = "spec" + UUID.randomUUID().toString().substring(0, 6);
        String registration = "{\"email\":\"" + name + "@example.org\",\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}";
        api.json("POST", "/api/auth/register", null, registration);
        api.json("POST", "/api/auth/register", null, registration);
        api.json("POST", "/api/auth/register", null, "{\"email\":1}");
        api.json("POST", "/api/auth/token", null, "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}");
        api.json("POST", "/api/auth/verify-email", null, "{\"token\":\"" + LocalCloudFixtures.verificationToken(name + "@example.org") + "\"}");
        api.json("POST", "/api/auth/verify-email", null, "{\"token\":\"nope\"}");
        api.json("POST", "/api/auth/resend-verification", null, "{\"email\":\"" + name + "@example.org\"}");
        api.json("POST", "/api/auth/resend-verification", null, "{\"email\":7}");
        JsonNode pair = api.json("POST", "/api/auth/token", null, "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}");
        api.json("POST", "/api/auth/token", null, "{\"username\":\"" + name + "\",\"password\":\"wrong password!\"}");
        api.call("POST", "/api/auth/token", "/api/auth/token", null, "application/x-www-form-urlencoded", "grant_type=client_credentials");
        JsonNode rotated = api.json("POST", "/api/auth/refresh", null, "{\"refresh_token\":\"" + pair.path("refresh_token").asText() + "\"}");
        api.json("POST", "/api/auth/refresh", null, "{\"refresh_token\":\"nope\"}");
        api.json("POST", "/api/auth/refresh", null, "{}");
        String user = rotated.path("access_token").asText();
        for (String[] operation : operationsWithBodies()) {
            api.call(operation[0], operation[1], operation[2], user, "application/json", big);
            api.call(operation[0], operation[1], operation[2], user, "text/plain", "hello");
        }

        String first = api.json("POST", "/api/orders", user, "{\"title\":\"Spec\"}").path("id").asText();
        String second = api.json("POST", "/api/orders", user, "{\"title\":\"Child\",\"dependencies\":[\"" + first + "\"]}")
                .path("id").asText();
        api.json("POST", "/api/orders", user, "{\"title\":\"t\",\"owner\":\"me\"}");
        api.json("POST", "/api/orders", user, "{\"title\":\"t\",\"dependencies\":[\"" + UNKNOWN + "\"]}");
        api.json("POST", "/api/orders", user, "{\"title\":\"t\",\"status\":\"active\",\"dependencies\":[\"" + first + "\"]}");
        api.json("POST", "/api/orders", null, "{\"title\":\"t\"}");
        for (String query : List.of("?limit=5", "?view=ready", "?status=pending", "?limit=0")) {
            api.call("GET", "/api/orders" + query, "/api/orders", user, null, null);
        }
        api.call("GET", "/api/orders", "/api/orders", null, null, null);
        for (String query : List.of("", "?format=mermaid", "?format=dot&root=" + first, "?format=gif", "?root=" + UNKNOWN)) {
            api.call("GET", "/api/orders/graph" + query, "/api/orders/graph", user, null, null);
        }
        api.call("GET", "/api/orders/graph", "/api/orders/graph", null, null, null);
        provokeTheOrderSizeLimits(api, user, first);
        for (String id : List.of(first, UNKNOWN)) {
            api.call("GET", "/api/orders/" + id, "/api/orders/{id}", user, null, null);
            api.call("PUT", "/api/orders/" + id, "/api/orders/{id}", user, "application/json", "{\"title\":\"Spec 2\"}");
        }
        api.call("GET", "/api/orders/" + first, "/api/orders/{id}", null, null, null);
        api.call("PUT", "/api/orders/" + second, "/api/orders/{id}", user, "application/json", "{\"status\":\"completed\"}");
        api.call("PUT", "/api/orders/" + first, "/api/orders/{id}", user, "application/json", "{\"status\":\"done\"}");
        api.call("PUT", "/api/orders/" + first, "/api/orders/{id}", null, "application/json", "{\"title\":\"x\"}");
        api.call("DELETE", "/api/orders/" + first, "/api/orders/{id}", user, null, null);
        api.call("DELETE", "/api/orders/" + second, "/api/orders/{id}", user, null, null);
        api.call("DELETE", "/api/orders/" + UNKNOWN, "/api/orders/{id}", user, null, null);
        api.call("DELETE", "/api/orders/" + first, "/api/orders/{id}", null, null, null);

        String hook = LocalCloudFixtures.webhookId("14");
        String gone = LocalCloudFixtures.webhookId("15");
        cloud.discordSink().forgetWebhook(gone);
        api.call("GET", "/api/discord", "/api/discord", user, null, null);
        api.call("PUT", "/api/discord", "/api/discord", user, "application/json", "{\"username\":\"Bot\"}");
        api.call("DELETE", "/api/discord", "/api/discord", user, null, null);
        api.call("POST", "/api/discord/test", "/api/discord/test", user, null, null);
        api.json("POST", "/api/discord", access, "{\"webhook_url\":\"" + LocalCloudFixtures.webhookUrl(hook) + "\"}");
        api.json("POST", "/api/discord", user, "{\"webhook_url\":\"http://127.0.0.1/api/webhooks/1/2\"}");
        api.json("POST", "/api/discord", user, "{\"webhook_url\":\"" + LocalCloudFixtures.webhookUrl(gone) + "\"}");
        cloud.discordSink().script(new FakeDiscord.Scripted(500, "{\"message\":\"Internal Server Error\"}", Map.of()));
        api.json("POST", "/api/discord", user, "{\"webhook_url\":\"" + LocalCloudFixtures.webhookUrl(hook) + "\"}");
        api.json("POST", "/api/discord", user, "{\"webhook_url\":\"" + LocalCloudFixtures.webhookUrl(hook) + "\"}");
        api.json("POST", "/api/discord", user, "{\"webhook_url\":\"" + LocalCloudFixtures.webhookUrl(hook) + "\"}");
        api.call("GET", "/api/discord", "/api/discord", user, null, null);
        api.json("PUT", "/api/discord", user, "{\"notifications\":{\"order_updated\":true}}");
        api.json("PUT", "/api/discord", user, "{\"notifications\":{\"order_updated\":\"yes\"}}");
        api.json("PUT", "/api/discord", user, "{\"webhook_url\":\"" + LocalCloudFixtures.webhookUrl(gone) + "\"}");
        cloud.discordSink().script(new FakeDiscord.Scripted(500, "{\"message\":\"Internal Server Error\"}", Map.of()));
        api.json("PUT", "/api/discord", user, "{\"webhook_url\":\"" + LocalCloudFixtures.webhookUrl(LocalCloudFixtures.webhookId("16")) + "\"}");
        api.call("POST", "/api/discord/test", "/api/discord/test", user, null, null);
        cloud.discordSink().forgetWebhook(hook);
        api.call("POST", "/api/discord/test", "/api/discord/test", user, null, null);
        api.call("POST", "/api/discord/test", "/api/discord/test", user, null, null);
        for (String[] op : List.of(new String[] {"GET", "/api/discord"}, new String[] {"PUT", "/api/discord"},
                new String[] {"DELETE", "/api/discord"}, new String[] {"POST", "/api/discord/test"}, new String[] {"POST", "/api/discord"})) {
            api.call(op[0], op[1], op[1], null, op[0].equals("PUT") || op[0].equals("POST") && op[1].equals("/api/discord")
                    ? "application/json" : null, op[0].equals("PUT") || op[0].equals("POST") && op[1].equals("/api/discord") ? "{}" : null);
        }
        api.call("DELETE", "/api/discord", "/api/discord", user, null, null);
        api.call("POST", "/api/auth/logout", "/api/auth/logout", user, null, null);
        api.call("POST", "/api/auth/logout", "/api/auth/logout", user, null, null);

        int source = 40;
        // Well-formed requests: input that fails validation is refused before the limiter counts anything.
        for (String[] limited : List.of(
                new String[] {"/api/auth/register",
                        "{\"email\":\"burst@example.org\",\"username\":\"burst\",\"password\":\"violet kettle orbit mango\"}"},
                new String[] {"/api/auth/token", "{\"username\":\"x\",\"password\":\"wrong password\"}"},
                new String[] {"/api/auth/refresh", "{\"refresh_token\":\"nope\"}"},
                new String[] {"/api/auth/resend-verification", "{\"email\":\"ghost@example.org\"}"})) {
            Api noisy = new Api(cloud, "127.0.0." + source++);
            // Fixed windows: a burst of twice the largest limit (60) plus one reaches 429 even across a window edge.
            for (int i = 0; i < 2 * 60 + 1 && !noisy.seen.contains("POST " + limited[0] + " 429"); i++) {
                noisy.json("POST", limited[0], null, limited[1]);
            }
            api.seen.addAll(noisy.seen);
        }

        // Last: every operation while DynamoDB is down.
        try (LocalCloud down = LocalCloud.start(LocalCloud.Options.forTests(ProjectFiles.template()))) {
            String token = LocalCloudFixtures.accessToken(down, UUID.randomUUID().toString());
            down.services().dynamoDbServer().close();
            Api outage = new Api(down, "127.0.0.60");
            for (String[] operation : allOperations()) {
                String body = operation[3] == null ? null : operation[3].replace("{hook}", LocalCloudFixtures.webhookUrl(hook));
                outage.call(operation[0], operation[1], operation[2], token, body == null ? null : "application/json", body);
            }
            api.seen.addAll(outage.seen);
        }

        assertEquals(List.of(), problems);
        Set<String> documented = new TreeSet<>();
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!op.getKey().equals("parameters")) {
                op.getValue().path("responses").fieldNames().forEachRemaining(status ->
                        documented.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey() + " " + status));
            }
        }));
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(api.seen);
        assertEquals(Set.of(), missing, "documented answers no test provoked");
        assertTrue(documented.containsAll(api.seen), "every answer seen is documented");
    }

    private static final String PASSWORD = "violet kettle orbit mango";
    private static final String UNKNOWN = "01JDQ8X3V7M2K9P4R6T8W0Y2A4";

    /** Method, request path, documented path and a valid body of every operation (the id is made up). */
    private static List<String[]> allOperations() {
        List<String[]> operations = new ArrayList<>(operationsWithBodies());
        for (String[] noBody : List.of(new String[] {"GET", "/api/health", "/api/health"},
                new String[] {"POST", "/api/auth/logout", "/api/auth/logout"}, new String[] {"GET", "/api/orders", "/api/orders"},
                new String[] {"GET", "/api/orders/graph", "/api/orders/graph"},
                new String[] {"GET", "/api/orders/" + UNKNOWN, "/api/orders/{id}"},
                new String[] {"DELETE", "/api/orders/" + UNKNOWN, "/api/orders/{id}"}, new String[] {"GET", "/api/discord", "/api/discord"},
                new String[] {"DELETE", "/api/discord", "/api/discord"}, new String[] {"POST", "/api/discord/test", "/api/discord/test"})) {
            operations.add(new String[] {noBody[0], noBody[1], noBody[2], null});
        }
        return operations;
    }

    private static List<String[]> operationsWithBodies() {
        return List.of(
                new String[] {"POST", "/api/auth/register", "/api/auth/register",
                        "{\"email\":\"down@example.org\",\"username\":\"down\",\"password\":\"" + PASSWORD + "\"}"},
                new String[] {"POST", "/api/auth/verify-email", "/api/auth/verify-email",
                        "{\"token\":\"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG\"}"},
                new String[] {"POST", "/api/auth/resend-verification", "/api/auth/resend-verification", "{\"email\":\"down@example.org\"}"},
                new String[] {"POST", "/api/auth/token", "/api/auth/token", "{\"username\":\"down\",\"password\":\"" + PASSWORD + "\"}"},
                new String[] {"POST", "/api/auth/refresh", "/api/auth/refresh",
                        "{\"refresh_token\":\"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG\"}"},
                new String[] {"POST", "/api/orders", "/api/orders", "{\"title\":\"Down\"}"},
                new String[] {"PUT", "/api/orders/" + UNKNOWN, "/api/orders/{id}", "{\"title\":\"Down\"}"},
                new String[] {"POST", "/api/discord", "/api/discord", "{\"webhook_url\":\"{hook}\"}"},
                new String[] {"PUT", "/api/discord", "/api/discord", "{\"username\":\"Down\"}"});
    }

    /** Calls from one loopback address, checking each answer against the description and noting which were seen. */
    private static final class Api {
        private final LoopbackClient client;
        private final Set<String> seen = new TreeSet<>();

        Api(LocalCloud cloud, String sourceIp) {
            this.client = new LoopbackClient(cloud.baseUrl().getPort(), sourceIp);
        }

        JsonNode json(String method, String path, String token, String json) throws Exception {
            return call(method, path, path, token, "application/json", json);
        }

        JsonNode call(String method, String url, String path, String token, String contentType, String body) throws Exception {
            LoopbackClient.Response response = client.send(method, url, token, contentType, body);
            seen.add(method + " " + path + " " + response.status());
            return check(method, url, path, response);
        }
    }

    @Test
    void theDocsPageIsSwaggerUiWithEveryFileItLoadsServedLocally() throws Exception {
        HttpResponse<String> page = get("/docs");
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("content-type").orElseThrow());
        Matcher links = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
        List<String> loaded = new ArrayList<>();
        while (links.find()) {
            loaded.add(links.group(1));
        }
        assertEquals(List.of("/docs/swagger-ui.css", "/docs/favicon-32x32.png", "/docs/swagger-ui-bundle.js",
                "/docs/docs-init.js"), loaded);
        for (String file : loaded) {
            HttpResponse<String> asset = get(file);
            assertEquals(200, asset.statusCode(), file);
            assertTrue(asset.body().length() > 100, file);
        }
        assertTrue(get("/docs/swagger-ui-bundle.js").body().contains("SwaggerUIBundle"));
        assertEquals("text/javascript; charset=utf-8",
                get("/docs/docs-init.js").headers().firstValue("content-type").orElseThrow());
        assertTrue(get("/docs/docs-init.js").body().contains("url: \"/openapi.yaml\""));
        HttpResponse<String> served = get("/openapi.yaml");
        assertEquals(200, served.statusCode());
        assertEquals(JSON.valueToTree(new Yaml().load(served.body())), spec);
        assertEquals("/", spec.path("servers").path(0).path("url").asText(), "try-it-out calls the server the page came from");
        assertEquals(404, get("/docs/../template.yaml").statusCode());
        assertEquals(404, get("/docs/index.html").statusCode());
        assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/docs"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(cloud.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Checks an answer against the operation's documented response: status, content type, shape. */
    private static JsonNode check(String method, String url, String path, LoopbackClient.Response response) throws Exception {
        String where = method + " " + url.substring(0, Math.min(url.length(), 120)) + " -> " + response.status();
        JsonNode documented = spec.path("paths").path(path).path(method.toLowerCase(Locale.ROOT)).path("responses")
                .path(Integer.toString(response.status()));
        if (documented.isMissingNode()) {
            problems.add(where + " is not documented: " + response.body());
            return JSON.createObjectNode();
        }
        documented = resolve(documented);
        if (response.body().isEmpty()) {
            if (documented.has("content")) {
                problems.add(where + " has no body but documents one");
            }
            return JSON.createObjectNode();
        }
        String contentType = String.valueOf(response.header("content-type")).split(";")[0].trim();
        JsonNode media = documented.path("content").path(contentType);
        if (media.isMissingNode()) {
            problems.add(where + " answered " + contentType + ", documented " + documented.path("content"));
            return JSON.createObjectNode();
        }
        if (!contentType.endsWith("json")) {
            check(JSON.getNodeFactory().textNode(response.body()), media.path("schema"), where, "$");
            return JSON.createObjectNode();
        }
        JsonNode body = JSON.readTree(response.body());
        check(body, media.path("schema"), where, "$");
        return body;
    }

    private static JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            JsonNode target = spec;
            for (String part : node.path("$ref").asText().substring(2).split("/")) {
                target = target.path(part);
            }
            node = target;
        }
        return node;
    }

    /** The parts of JSON Schema the description uses: $ref, type (with null), required, properties, items, enum. */
    private static void check(JsonNode value, JsonNode schema, String where, String at) {
        schema = resolve(schema);
        Set<String> types = new HashSet<>();
        if (schema.path("type").isArray()) {
            schema.path("type").forEach(t -> types.add(t.asText()));
        } else if (schema.has("type")) {
            types.add(schema.path("type").asText());
        }
        if (!types.isEmpty() && !types.contains(typeOf(value))) {
            problems.add(where + ": " + at + " is " + typeOf(value) + ", documented " + types);
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.path("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                problems.add(where + ": " + at + " = " + value + " is not one of " + schema.path("enum"));
            }
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    problems.add(where + ": " + at + "." + required.asText() + " is missing");
                }
            }
            JsonNode properties = schema.path("properties");
            value.fields().forEachRemaining(field -> {
                if (properties.has(field.getKey())) {
                    check(field.getValue(), properties.path(field.getKey()), where, at + "." + field.getKey());
                }
            });
        }
        if (value.isArray() && schema.has("items")) {
            int i = 0;
            for (JsonNode item : value) {
                check(item, schema.path("items"), where, at + "[" + i++ + "]");
            }
        }
    }

    private static String typeOf(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        return value.isNumber() ? "number" : value.isBoolean() ? "boolean" : value.isTextual() ? "string"
                : value.isArray() ? "array" : "object";
    }

    @Test
    void theLocalCloudServesTheDescription() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/openapi.yaml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().startsWith("openapi: 3.1.0"));
    }
}
