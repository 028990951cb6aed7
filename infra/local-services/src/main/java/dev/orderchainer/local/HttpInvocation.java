package dev.orderchainer.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a stream handler on an HTTP API v2 event and reads its answer the way API Gateway does:
 * a JSON object with statusCode is a full response; anything else is a 200 JSON body.
 */
public final class HttpInvocation {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpInvocation() {}

    /** An HTTP response as API Gateway would send it to the client. */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("response body is not JSON: " + bodyText(), e);
            }
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    public static Response invoke(RequestStreamHandler handler, ApiGatewayV2Event event, Context context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event.toJson()), out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fromLambdaOutput(out.toByteArray());
    }

    public static Response fromLambdaOutput(byte[] output) {
        JsonNode root;
        try {
            root = JSON.readTree(output);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject() || !root.has("statusCode")) {
            return new Response(200, Map.of("content-type", "application/json"), output);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        root.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue().asText()));
        // Payload v2's cookies array: one Set-Cookie each (kept in one entry, a line per cookie).
        if (root.path("cookies").isArray() && !root.path("cookies").isEmpty()) {
            List<String> cookies = new ArrayList<>();
            root.path("cookies").forEach(c -> cookies.add(c.asText()));
            headers.put("set-cookie", String.join("\n", cookies));
        }
        String body = root.path("body").asText("");
        byte[] bytes = root.path("isBase64Encoded").asBoolean(false)
                ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        return new Response(root.path("statusCode").asInt(), headers, bytes);
    }
}
