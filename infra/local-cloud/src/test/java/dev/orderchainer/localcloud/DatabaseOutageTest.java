package dev.orderchainer.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderchainer.local.DynamoDbLocalServer;
import dev.orderchainer.local.FreePort;
import dev.orderchainer.local.ProjectFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DynamoDB goes away mid-session: requests get a clean 503 problem, never a 500, and nothing is half-written. */
class DatabaseOutageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void anUnreachableDatabaseIsA503AndTheDataIsIntactAfterwards() throws Exception {
        LocalCloud.Options defaults = LocalCloud.Options.forTests(ProjectFiles.template());
        int dynamoPort = FreePort.pick();
        LocalCloud.Options options = new LocalCloud.Options(defaults.template(), 0, dynamoPort, 0, data, defaults.overrides());
        try (LocalCloud cloud = LocalCloud.start(options)) {
            String access = LocalCloudFixtures.accessToken(cloud, UUID.randomUUID().toString());
            HttpResponse<String> created = post(cloud, access, "{\"title\":\"Before\"}");
            assertEquals(201, created.statusCode(), created.body());

            cloud.services().dynamoDbServer().close();
            HttpResponse<String> during = post(cloud, access, "{\"title\":\"During\"}");
            assertEquals(503, during.statusCode(), during.body());
            assertEquals("application/problem+json", during.headers().firstValue("content-type").orElseThrow());
            assertEquals("1", during.headers().firstValue("retry-after").orElseThrow());
            assertTrue(JSON.readTree(during.body()).path("detail").asText().contains("nothing was changed"));
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, health.statusCode());

            try (DynamoDbLocalServer restarted = DynamoDbLocalServer.start(dynamoPort, data.resolve("dynamodb"))) {
                HttpResponse<String> list = HTTP.send(HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/api/orders"))
                        .header("authorization", "Bearer " + access).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, list.statusCode(), list.body());
                JsonNode items = JSON.readTree(list.body()).path("items");
                assertEquals(1, items.size(), "only the order written before the outage exists");
                assertEquals("Before", items.path(0).path("title").asText());
            }
        }
    }

    private static HttpResponse<String> post(LocalCloud cloud, String access, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/api/orders")).header("authorization", "Bearer " + access)
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
