package dev.orderchainer.common.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderchainer.common.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads API Gateway HTTP API payload v2 events and writes v2 responses. */
public final class ApiGatewayV2Codec {
    private ApiGatewayV2Codec() {}

    public static HttpRequest decode(byte[] event) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(event);
        } catch (IOException e) {
            throw ApiProblem.badRequest("The API Gateway event is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw ApiProblem.badRequest("The API Gateway event must be a JSON object");
        }
        JsonNode context = root.path("requestContext");
        JsonNode http = context.path("http");
        String method = text(http, "method");
        if (method == null) {
            throw ApiProblem.badRequest("The API Gateway event has no requestContext.http.method (payload format 2.0 expected)");
        }
        String path = text(root, "rawPath");
        if (path == null) {
            path = text(http, "path");
        }
        byte[] body = decodeBody(root);
        Map<String, String> headers = lowerCaseKeys(stringMap(root.path("headers")));
        // Payload v2 moves the Cookie header into a cookies array; functions read it back as one header.
        if (root.path("cookies").isArray() && !root.path("cookies").isEmpty()) {
            List<String> cookies = new ArrayList<>();
            root.path("cookies").forEach(c -> cookies.add(c.asText()));
            headers.put("cookie", String.join("; ", cookies));
        }
        return new HttpRequest(
                method.toUpperCase(Locale.ROOT),
                path == null ? "/" : path,
                text(root, "routeKey"),
                headers,
                stringMap(root.path("queryStringParameters")),
                stringMap(root.path("pathParameters")),
                body,
                text(context, "requestId"),
                text(http, "sourceIp"));
    }

    /** Lambda refuses a synchronous response larger than this (6 MB as Lambda counts it); API Gateway then answers 500. */
    public static final int MAX_RESPONSE_BYTES = 6_291_556;

    /** Whether the encoded response (the body as an escaped JSON string inside the envelope) stays within Lambda's limit. */
    public static boolean fitsLambda(HttpResponse response) {
        return encode(response).length <= MAX_RESPONSE_BYTES;
    }

    public static byte[] encode(HttpResponse response) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("statusCode", response.status());
        ObjectNode headers = out.putObject("headers");
        response.headers().forEach((name, value) -> {
            // Payload v2 sends cookies in their own array (API Gateway writes one Set-Cookie each).
            if (name.equals("set-cookie")) {
                out.putArray("cookies").add(value);
            } else {
                headers.put(name, value);
            }
        });
        out.put("body", response.body());
        out.put("isBase64Encoded", false);
        try {
            return Json.mapper().writeValueAsBytes(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode response", e);
        }
    }

    private static byte[] decodeBody(JsonNode root) {
        JsonNode body = root.get("body");
        if (body == null || body.isNull()) {
            return new byte[0];
        }
        if (!body.isTextual()) {
            throw ApiProblem.badRequest("The API Gateway event body must be a string");
        }
        if (root.path("isBase64Encoded").asBoolean(false)) {
            try {
                return Base64.getDecoder().decode(body.asText());
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("The request body is marked base64 but is not valid base64");
            }
        }
        return body.asText().getBytes(StandardCharsets.UTF_8);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new HashMap<>();
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getValue().isNull()) {
                    map.put(field.getKey(), field.getValue().asText());
                }
            }
        }
        return map;
    }

    private static Map<String, String> lowerCaseKeys(Map<String, String> map) {
        Map<String, String> lower = new HashMap<>();
        map.forEach((k, v) -> lower.merge(k.toLowerCase(Locale.ROOT), v, (a, b) -> a + "," + b));
        return lower;
    }
}
