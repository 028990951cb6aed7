package dev.orderchainer.common.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderchainer.common.json.Json;
import dev.orderchainer.local.ApiGatewayV2Event;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiGatewayV2CodecTest {
    @Test
    void decodesTheV2EventApiGatewaySends() {
        byte[] event = ApiGatewayV2Event.request("post", "/api/orders/42?status=active&status=pending&limit=5")
                .routeKey("POST /api/orders/{id}")
                .pathParameter("id", "42")
                .header("Content-Type", "application/json")
                .header("X-Custom", "a")
                .header("x-custom", "b")
                .body("{\"a\":1}")
                .sourceIp("203.0.113.9")
                .requestId("rid-1")
                .toJson();
        HttpRequest request = ApiGatewayV2Codec.decode(event);
        assertEquals("POST", request.method());
        assertEquals("/api/orders/42", request.path());
        assertEquals("POST /api/orders/{id}", request.routeKey());
        assertEquals("42", request.pathParameter("id").orElseThrow());
        assertEquals("active,pending", request.query("status").orElseThrow());
        assertEquals("5", request.query("limit").orElseThrow());
        assertEquals("application/json", request.header("CONTENT-TYPE").orElseThrow());
        assertEquals("a,b", request.header("x-custom").orElseThrow());
        assertEquals("{\"a\":1}", new String(request.body(), StandardCharsets.UTF_8));
        assertEquals("rid-1", request.requestId());
        assertEquals("203.0.113.9", request.sourceIp());
    }

    @Test
    void decodesBase64Bodies() {
        byte[] binary = {0, 1, 2, (byte) 255};
        HttpRequest request = ApiGatewayV2Codec.decode(ApiGatewayV2Event.request("PUT", "/x")
                .header("content-type", "application/octet-stream").body(binary).toJson());
        assertArrayEquals(binary, request.body());
    }

    @Test
    void rejectsEventsThatAreNotV2() {
        assertEquals("The API Gateway event must be a JSON object",
                assertThrows(ApiProblem.class, () -> ApiGatewayV2Codec.decode("[1]".getBytes())).detail());
        assertEquals(400, assertThrows(ApiProblem.class,
                () -> ApiGatewayV2Codec.decode("{\"httpMethod\":\"GET\",\"path\":\"/\"}".getBytes())).status());
        assertEquals("The request body is marked base64 but is not valid base64", assertThrows(ApiProblem.class,
                () -> ApiGatewayV2Codec.decode(("{\"requestContext\":{\"http\":{\"method\":\"GET\"}},"
                        + "\"body\":\"%%%\",\"isBase64Encoded\":true}").getBytes())).detail());
    }

    @Test
    void encodesTheV2ResponseFormat() throws Exception {
        byte[] encoded = ApiGatewayV2Codec.encode(HttpResponse.json(201, Map.of("id", "o1")).withHeader("Location", "/api/orders/o1"));
        JsonNode response = Json.mapper().readTree(encoded);
        assertEquals(201, response.path("statusCode").asInt());
        assertEquals("application/json", response.path("headers").path("content-type").asText());
        assertEquals("/api/orders/o1", response.path("headers").path("location").asText());
        assertEquals("{\"id\":\"o1\"}", response.path("body").asText());
        assertEquals(false, response.path("isBase64Encoded").asBoolean());
    }
}
