package dev.orderchainer.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the event API Gateway HTTP API (payload format 2.0) sends a Lambda integration:
 * lower-case headers with repeats comma-joined, cookies split out, query parameters decoded and
 * comma-joined, text bodies as-is and binary bodies base64-encoded.
 */
public final class ApiGatewayV2Event {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private String method = "GET";
    private String path = "/";
    private String rawQuery = "";
    private String routeKey = "$default";
    private final Map<String, String> pathParameters = new LinkedHashMap<>();
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private byte[] body = new byte[0];
    private String sourceIp = "127.0.0.1";
    private String requestId = UUID.randomUUID().toString();

    public static ApiGatewayV2Event request(String method, String path) {
        ApiGatewayV2Event event = new ApiGatewayV2Event();
        event.method = method;
        int question = path.indexOf('?');
        event.path = question < 0 ? path : path.substring(0, question);
        event.rawQuery = question < 0 ? "" : path.substring(question + 1);
        event.routeKey = method + " " + event.path;
        return event;
    }

    public ApiGatewayV2Event routeKey(String routeKey) {
        this.routeKey = routeKey;
        return this;
    }

    public ApiGatewayV2Event pathParameter(String name, String value) {
        pathParameters.put(name, value);
        return this;
    }

    public ApiGatewayV2Event header(String name, String value) {
        headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
        return this;
    }

    public ApiGatewayV2Event body(String text) {
        this.body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    public ApiGatewayV2Event body(byte[] bytes) {
        this.body = bytes.clone();
        return this;
    }

    public ApiGatewayV2Event jsonBody(String json) {
        return header("content-type", "application/json").body(json);
    }

    public ApiGatewayV2Event sourceIp(String ip) {
        this.sourceIp = ip;
        return this;
    }

    public ApiGatewayV2Event requestId(String id) {
        this.requestId = id;
        return this;
    }

    public String requestId() {
        return requestId;
    }

    public byte[] toJson() {
        Instant now = Instant.now();
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", path);
        event.put("rawQueryString", rawQuery);
        ObjectNode headerNode = event.putObject("headers");
        List<String> cookies = null;
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equals("cookie")) {
                cookies = header.getValue().stream().flatMap(c -> Arrays.stream(c.split(";\\s*"))).toList();
            } else {
                headerNode.put(header.getKey(), String.join(",", header.getValue()));
            }
        }
        if (cookies != null) {
            cookies.forEach(event.putArray("cookies")::add);
        }
        if (!rawQuery.isEmpty()) {
            Map<String, String> query = new LinkedHashMap<>();
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                query.merge(name, value, (a, b) -> a + "," + b);
            }
            ObjectNode queryNode = event.putObject("queryStringParameters");
            query.forEach(queryNode::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", LocalAws.ACCOUNT_ID);
        context.put("apiId", "local");
        context.put("domainName", "127.0.0.1");
        context.put("domainPrefix", "127");
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", sourceIp);
        http.put("userAgent", headers.getOrDefault("user-agent", List.of("")).get(0));
        context.put("requestId", requestId);
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        context.put("time", TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        if (!pathParameters.isEmpty()) {
            ObjectNode params = event.putObject("pathParameters");
            pathParameters.forEach(params::put);
        }
        if (body.length > 0) {
            // Bytes that are not UTF-8 cannot travel in a JSON string unchanged: they go base64 like binary content.
            boolean text = isText(headers.getOrDefault("content-type", List.of("")).get(0)) && isUtf8(body);
            event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean isText(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.startsWith("application/x-www-form-urlencoded") || type.contains("javascript");
    }

    private static String decode(String value) {
        return PercentDecoding.lenient(value, true);
    }
}
