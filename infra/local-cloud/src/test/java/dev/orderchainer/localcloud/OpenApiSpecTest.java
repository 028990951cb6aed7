package dev.orderchainer.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderchainer.local.ProjectFiles;
import dev.orderchainer.local.template.FunctionDefinition;
import dev.orderchainer.local.template.SamTemplate;
import dev.orderchainer.security.AccessTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

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
        Object yaml = new Yaml().load(java.nio.file.Files.readString(ProjectFiles.root().resolve("infra/openapi.yaml")));
        spec = JSON.valueToTree(yaml);
        cloud = LocalCloud.start(LocalCloud.Options.forTests(ProjectFiles.template()));
        String secret = cloud.functions().get("GetOrderFunction").environment().get("SECRET_KEY");
        access = new AccessTokens(secret.getBytes(StandardCharsets.UTF_8), "orderchainer", "orderchainer-api",
                Duration.ofMinutes(10), Clock.systemUTC()).issue(UUID.randomUUID().toString(), "s").token();
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

    @Test
    void realAnswersMatchTheDescription() throws Exception {
        call("GET", "/api/health", "/api/health", null, null);
        call("POST", "/api/auth/register", "/api/auth/register", null,
                "{\"email\":\"spec" + UUID.randomUUID().toString().substring(0, 6) + "@example.org\",\"username\":\"spec_"
                        + UUID.randomUUID().toString().substring(0, 6) + "\",\"password\":\"violet kettle orbit mango\"}");
        call("POST", "/api/auth/register", "/api/auth/register", null, "{\"email\":1}");
        call("POST", "/api/auth/verify-email", "/api/auth/verify-email", null, "{\"token\":\"nope\"}");
        call("POST", "/api/auth/resend-verification", "/api/auth/resend-verification", null, "{\"email\":\"x@example.org\"}");
        call("POST", "/api/auth/token", "/api/auth/token", null, "{\"username\":\"nobody\",\"password\":\"wrong password!\"}");
        call("POST", "/api/auth/refresh", "/api/auth/refresh", null, "{\"refresh_token\":\"nope\"}");
        JsonNode created = call("POST", "/api/orders", "/api/orders", access, "{\"title\":\"Spec\"}");
        String id = created.path("id").asText();
        call("POST", "/api/orders", "/api/orders", access, "{\"title\":\"Child\",\"dependencies\":[\"" + id + "\"]}");
        call("POST", "/api/orders", "/api/orders", access, "{\"title\":\"t\",\"owner\":\"me\"}");
        call("GET", "/api/orders?limit=5", "/api/orders", access, null);
        call("GET", "/api/orders?view=ready", "/api/orders", access, null);
        call("GET", "/api/orders?limit=0", "/api/orders", access, null);
        call("GET", "/api/orders/" + id, "/api/orders/{id}", access, null);
        call("GET", "/api/orders/01JDQ8X3V7M2K9P4R6T8W0Y2A4", "/api/orders/{id}", access, null);
        call("PUT", "/api/orders/" + id, "/api/orders/{id}", access, "{\"status\":\"completed\"}");
        call("PUT", "/api/orders/" + id, "/api/orders/{id}", access, "{\"title\":\"Spec 2\"}");
        call("DELETE", "/api/orders/" + id, "/api/orders/{id}", access, null);
        call("GET", "/api/orders/graph", "/api/orders/graph", access, null);
        call("GET", "/api/orders/" + id, "/api/orders/{id}", null, null);
        call("GET", "/api/discord", "/api/discord", access, null);
        call("POST", "/api/discord", "/api/discord", access, "{\"webhook_url\":\"http://127.0.0.1/api/webhooks/1/2\"}");
        call("POST", "/api/discord/test", "/api/discord/test", access, null);
        call("POST", "/api/auth/logout", "/api/auth/logout", access, null);
        assertEquals(List.of(), problems);
    }

    @Test
    void theDocsPageIsSwaggerUiWithEveryFileItLoadsServedLocally() throws Exception {
        HttpResponse<String> page = get("/docs");
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("content-type").orElseThrow());
        java.util.regex.Matcher links = java.util.regex.Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
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

    /** Sends a request and checks the answer against the operation's documented response. */
    private static JsonNode call(String method, String url, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cloud.baseUrl() + url));
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("content-type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String where = method + " " + url + " -> " + response.statusCode();
        JsonNode documented = spec.path("paths").path(path).path(method.toLowerCase(Locale.ROOT)).path("responses")
                .path(Integer.toString(response.statusCode()));
        if (documented.isMissingNode()) {
            problems.add(where + " is not documented");
            return JSON.createObjectNode();
        }
        documented = resolve(documented);
        if (response.body().isEmpty()) {
            if (documented.has("content")) {
                problems.add(where + " has no body but documents one");
            }
            return JSON.createObjectNode();
        }
        String contentType = response.headers().firstValue("content-type").orElse("").split(";")[0].trim();
        JsonNode media = documented.path("content").path(contentType);
        if (media.isMissingNode()) {
            problems.add(where + " answered " + contentType + ", documented " + documented.path("content"));
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
