package dev.orderchainer.common.http;

import dev.orderchainer.common.json.Json;
import dev.orderchainer.common.json.JsonStreams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads API Gateway HTTP API payload v2 events and writes v2 responses. */
public final class ApiGatewayV2Codec {
    private ApiGatewayV2Codec() {}

    public static HttpRequest decode(byte[] event) {
        Object parsed;
        try {
            parsed = JsonStreams.read(event);
        } catch (IOException e) {
            throw ApiProblem.badRequest("The API Gateway event is not valid JSON");
        }
        if (!(parsed instanceof Map<?, ?> root)) {
            throw ApiProblem.badRequest("The API Gateway event must be a JSON object");
        }
        Map<?, ?> context = object(root, "requestContext");
        Map<?, ?> http = object(context, "http");
        String method = text(http, "method");
        if (method == null) {
            throw ApiProblem.badRequest("The API Gateway event has no requestContext.http.method (payload format 2.0 expected)");
        }
        String path = text(root, "rawPath");
        if (path == null) {
            path = text(http, "path");
        }
        byte[] body = decodeBody(root);
        Map<String, String> headers = lowerCaseKeys(stringMap(root.get("headers")));
        // Payload v2 moves the Cookie header into a cookies array; functions read it back as one header.
        if (root.get("cookies") instanceof List<?> cookies && !cookies.isEmpty()) {
            List<String> values = new ArrayList<>();
            cookies.forEach(c -> values.add(asText(c)));
            headers.put("cookie", String.join("; ", values));
        }
        return new HttpRequest(
                method.toUpperCase(Locale.ROOT),
                path == null ? "/" : path,
                text(root, "routeKey"),
                headers,
                stringMap(root.get("queryStringParameters")),
                stringMap(root.get("pathParameters")),
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
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("statusCode", response.status());
        Map<String, String> headers = new LinkedHashMap<>();
        out.put("headers", headers);
        response.headers().forEach((name, value) -> {
            // Payload v2 sends cookies in their own array (API Gateway writes one Set-Cookie each).
            if (name.equals("set-cookie")) {
                out.put("cookies", List.of(value));
            } else {
                headers.put(name, value);
            }
        });
        out.put("body", response.body());
        out.put("isBase64Encoded", false);
        return Json.write(out).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] decodeBody(Map<?, ?> root) {
        Object body = root.get("body");
        if (body == null) {
            return new byte[0];
        }
        if (!(body instanceof String text)) {
            throw ApiProblem.badRequest("The API Gateway event body must be a string");
        }
        if (Boolean.TRUE.equals(root.get("isBase64Encoded"))) {
            try {
                return Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("The request body is marked base64 but is not valid base64");
            }
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<?, ?> object(Map<?, ?> node, String field) {
        return node.get(field) instanceof Map<?, ?> object ? object : Map.of();
    }

    private static String text(Map<?, ?> node, String field) {
        return node.get(field) instanceof String text ? text : null;
    }

    /** As JsonNode.asText: a string itself, a number or boolean its text, an object or array nothing. */
    private static String asText(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean ? value.toString() : "";
    }

    private static Map<String, String> stringMap(Object node) {
        Map<String, String> map = new HashMap<>();
        if (node instanceof Map<?, ?> fields) {
            fields.forEach((name, value) -> {
                if (value != null) {
                    map.put(String.valueOf(name), asText(value));
                }
            });
        }
        return map;
    }

    private static Map<String, String> lowerCaseKeys(Map<String, String> map) {
        Map<String, String> lower = new HashMap<>();
        map.forEach((k, v) -> lower.merge(k.toLowerCase(Locale.ROOT), v, (a, b) -> a + "," + b));
        return lower;
    }
}
