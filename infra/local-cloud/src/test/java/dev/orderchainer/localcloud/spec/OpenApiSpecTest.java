package dev.orderchainer.localcloud.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderchainer.local.ProjectFiles;
import dev.orderchainer.local.template.FunctionDefinition;
import dev.orderchainer.local.template.SamTemplate;
import dev.orderchainer.localcloud.LocalCloud;
import dev.orderchainer.localcloud.LocalCloudFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
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

/**
 * infra/openapi.yaml describes exactly the routes of template.yaml, and real answers of the local
 * cloud (successes and problems) have the documented status, content type and shape.
 */
class OpenApiSpecTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static OpenApiDescription description;
    private static JsonNode spec;
    private static LocalCloud cloud;
    private static final List<String> problems = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        description = OpenApiDescription.load();
        spec = description.tree();
        cloud = LocalCloud.start(LocalCloud.Options.forTests(ProjectFiles.template()));
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
        description.operations().values().forEach(operation -> documented.add(operation.method() + " " + operation.path()));
        assertEquals(routes, documented);
    }

    @Test
    void securedOperationsDocument401AndOperationsWithBodiesDocument400() {
        for (OpenApiDescription.Operation operation : description.operations().values()) {
            if (operation.secured()) {
                assertTrue(operation.documents(401), operation + " documents 401");
            }
            if (operation.hasBody()) {
                assertTrue(operation.documents(400), operation + " documents 400");
            }
            // Health answers its own 503 body; the key set reads nothing that could be down.
            assertTrue(operation.documents(503) || Set.of("health", "jwks").contains(operation.id()), operation + " documents 503");
        }
    }

    /**
     * Table-driven by the description: every operation's own cases ({@code spec.<OperationId>Cases}) and,
     * from its sample request, the answers every operation of its kind has: 401 without a token when
     * secured, 413 and 415 when it takes a body, 429 for a burst when it documents one, 503 while
     * DynamoDB is down. Every answer (the calls in between too) must be documented and fit; every
     * documented answer must happen.
     */
    @Test
    void everyDocumentedAnswerHappensAndMatchesTheDescription() throws Exception {
        Set<String> seen = new TreeSet<>();
        Map<String, OperationCases> cases = OperationCases.byOperationId();
        SpecFixtures fixtures = new SpecFixtures(cloud);
        int source = 10;
        for (OpenApiDescription.Operation operation : description.operations().values()) {
            OperationCases own = cases.get(operation.id());
            OperationCases.Sample sample = own.sample();
            SpecApi api = new SpecApi(description, cloud, "127.0.0." + source++, seen, problems);
            own.provoke(api, fixtures);
            if (operation.secured()) {
                api.json(operation.id(), sample.url(), null, sample.body());
            }
            if (operation.hasBody()) {
                String token = fixtures.tokenWithoutAccount();
                api.call(operation.id(), sample.url(), token, "application/json", "{\"title\":\"" + "x".repeat(70 * 1024) + "\"}");
                api.call(operation.id(), sample.url(), token, "text/plain", "hello");
            }
            if (operation.documents(429)) {
                // Fixed windows: a burst of twice the largest limit (60) plus one reaches 429 even across a window edge.
                SpecApi noisy = new SpecApi(description, cloud, "127.0.0." + source++, seen, problems);
                for (int i = 0; i < 2 * 60 + 1; i++) {
                    if (noisy.send(operation.id(), sample.url(), null, sample.body() == null ? null : "application/json", sample.body())
                            .status() == 429) {
                        break;
                    }
                }
            }
        }
        // Last: every operation while DynamoDB is down.
        try (LocalCloud down = LocalCloud.start(LocalCloud.Options.forTests(ProjectFiles.template()))) {
            String token = LocalCloudFixtures.accessToken(down, UUID.randomUUID().toString());
            down.services().dynamoDbServer().close();
            SpecApi outage = new SpecApi(description, down, "127.0.0." + source, seen, problems);
            for (OpenApiDescription.Operation operation : description.operations().values()) {
                OperationCases.Sample sample = cases.get(operation.id()).sample();
                outage.json(operation.id(), sample.url(), token, sample.body());
            }
        }

        assertEquals(List.of(), problems);
        List<String> missing = new ArrayList<>();
        for (OpenApiDescription.Operation operation : description.operations().values()) {
            for (String status : operation.statuses()) {
                if (!seen.contains(operation.id() + " " + status)) {
                    missing.add(operation + " never answered " + status + " (" + cases.get(operation.id()).getClass().getSimpleName() + ")");
                }
            }
        }
        assertEquals(List.of(), missing, "documented answers no case provoked");
    }

    @Test
    void everyOperationHasItsCasesAndEveryCasesClassItsOperation() {
        Map<String, OperationCases> cases = OperationCases.byOperationId();
        assertEquals(new TreeSet<>(description.operations().keySet()), new TreeSet<>(cases.keySet()),
                "one spec.<OperationId>Cases class per operationId of infra/openapi.yaml");
        cases.forEach((id, own) -> assertEquals(Character.toUpperCase(id.charAt(0)) + id.substring(1) + "Cases", own.getClass().getSimpleName()));
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





    @Test
    void theLocalCloudServesTheDescription() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/openapi.yaml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().startsWith("openapi: 3.1.0"));
    }
}
