package dev.orderchainer.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderchainer.common.config.BuildInfo;
import dev.orderchainer.local.ApiGatewayV2Event;
import dev.orderchainer.local.HttpInvocation;
import dev.orderchainer.local.LocalLambdaContext;
import dev.orderchainer.local.LocalServices;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The health function against DynamoDB Local provisioned from template.yaml. */
class HealthHandlerTest {
    private final LocalServices local = LocalServices.shared();

    private HttpInvocation.Response get(Map<String, String> env) {
        return HttpInvocation.invoke(new HealthHandler(env),
                ApiGatewayV2Event.request("GET", "/api/health"), new LocalLambdaContext("HealthFunction", 1024, 10));
    }

    @Test
    void answersOkWithVersionWhenTheTableIsReachable() {
        HttpInvocation.Response response = get(local.environmentOf("HealthFunction"));
        assertEquals(200, response.status(), response.bodyText());
        assertEquals("application/json", response.header("content-type"));
        assertEquals("no-store", response.header("cache-control"));
        JsonNode body = response.json();
        assertEquals("ok", body.path("status").asText());
        assertEquals(BuildInfo.version(), body.path("version").asText());
        assertFalse(body.path("version").asText().contains("${"), "version must be stamped by the build");
        assertEquals("ok", body.path("checks").path("dynamodb").path("status").asText());
        assertTrue(body.path("checks").path("dynamodb").has("latency_ms"));
    }

    @Test
    void answers503NamingTheProblemWhenTheTableIsMissing() {
        Map<String, String> env = new HashMap<>(local.environmentOf("HealthFunction"));
        env.put("TABLE_NAME", "NoSuchTable");
        HttpInvocation.Response response = get(env);
        assertEquals(503, response.status());
        JsonNode body = response.json();
        assertEquals("unavailable", body.path("status").asText());
        assertTrue(body.path("checks").path("dynamodb").path("detail").asText().contains("ResourceNotFoundException"));
    }

    @Test
    void answers503WhenDynamoDbDoesNotAnswer() {
        Map<String, String> env = new HashMap<>(local.environmentOf("HealthFunction"));
        env.put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9");
        HttpInvocation.Response response = get(env);
        assertEquals(503, response.status());
        assertEquals("unavailable", response.json().path("checks").path("dynamodb").path("status").asText());
    }

    @Test
    void malformedEventIsA400Problem() {
        HealthHandler handler = new HealthHandler(local.environmentOf("HealthFunction"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream("{not json".getBytes()), out,
                    new LocalLambdaContext("HealthFunction", 1024, 10));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        HttpInvocation.Response response = HttpInvocation.fromLambdaOutput(out.toByteArray());
        assertEquals(400, response.status());
        assertEquals("application/problem+json", response.header("content-type"));
        assertEquals("The API Gateway event is not valid JSON", response.json().path("detail").asText());
    }
}
