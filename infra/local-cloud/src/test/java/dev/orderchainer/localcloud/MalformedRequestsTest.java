package dev.orderchainer.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.local.ProjectFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What API Gateway answers itself for requests no function sees, as raw HTTP (clients refuse to send most of these). */
class MalformedRequestsTest {
    private static LocalCloud cloud;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start(LocalCloud.Options.forTests(ProjectFiles.template()));
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", cloud.baseUrl().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String get(String target, String extraHeaders) throws IOException {
        return exchange("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "Connection: close\r\n\r\n");
    }

    @Test
    void whatIsNotUtf8AndOddQueriesReachTheFunctionAndGetItsProblem() throws IOException {
        // API Gateway documents no refusal of these (only the size quotas): the function answers them.
        String token = LocalCloudFixtures.accessToken(cloud, UUID.randomUUID().toString());
        for (String target : new String[] {"/api/orders/%C3%28", "/api/orders/%FF%FE", "/api/orders/%01%7F"}) {
            String answer = get(target, "Authorization: Bearer " + token + "\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 404"), "no order has such an id: " + target + " -> " + answer);
            assertTrue(answer.contains("application/problem+json"), target + " -> " + answer);
        }
        for (String target : new String[] {"/api/orders?status=%", "/api/orders?status=%zz", "/api/orders?status=%00",
            "/api/orders?limit=%C3%28"}) {
            String answer = get(target, "Authorization: Bearer " + token + "\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400"), target + " -> " + answer);
            assertTrue(answer.contains("application/problem+json"), target + " -> " + answer);
        }
    }

    @Test
    void aPathEscapeTheFrontEndCannotDecodeIsA400InJson() throws IOException {
        // Jetty's parser refuses these before any handler (see HttpApiGateway): answered in API Gateway's words.
        for (String target : new String[] {"/api/orders/%%%", "/api/orders/%zz", "/api/orders/%", "/api/orders/%00"}) {
            String answer = get(target, "");
            assertTrue(answer.startsWith("HTTP/1.1 400"), target + " -> " + answer);
            assertTrue(answer.toLowerCase().contains("content-type: application/json"), target + " -> " + answer);
            assertTrue(answer.endsWith("{\"message\":\"Bad Request\"}"), target + " -> " + answer);
        }
    }

    @Test
    void theRequestLineCountsTowardApiGatewaysTenKilobytes() throws IOException {
        // "Total combined size of request line and header values: 10240 bytes" (HTTP API quotas): each part alone fits.
        String path = "/api/orders/" + "x".repeat(6000);
        String within = get(path, "x-pad: " + "a".repeat(3000) + "\r\n");
        assertTrue(within.startsWith("HTTP/1.1 401"), "under the quota the function answers: " + within.lines().findFirst().orElse(""));
        String over = get(path, "x-pad: " + "a".repeat(5000) + "\r\n");
        assertTrue(over.startsWith("HTTP/1.1 431"), over.lines().findFirst().orElse(""));
        assertTrue(over.endsWith("{\"message\":\"Request Header Fields Too Large\"}"), over);
    }

    @Test
    void oddButWellFormedPathsReachTheFunction() throws IOException {
        // Found by schemathesis: an encoded backslash, controls and non-ASCII in an order id.
        for (String target : new String[] {"/api/orders/%5B%C3%AFo%C2%8E%5C%C2%BB%19Rh", "/api/orders/a%2Fb",
            "/api/orders/..%2F..%2Fetc"}) {
            String answer = get(target, "");
            assertTrue(answer.startsWith("HTTP/1.1 401"), "routed to GET /api/orders/{id}, which wants a token: " + target + " -> " + answer);
            assertTrue(answer.contains("application/problem+json"), target + " -> " + answer);
        }
    }

    @Test
    void anIdLongerThanAnyTableKeyIsA404OnEveryRouteThatTakesOne() throws IOException {
        // DynamoDB refuses keys over 1 KB: such an id must never reach it as one (it once answered 500).
        String token = LocalCloudFixtures.accessToken(cloud, UUID.randomUUID().toString());
        String id = "x".repeat(1500);
        for (String method : new String[] {"GET", "PUT", "DELETE"}) {
            String body = method.equals("PUT") ? "{\"title\":\"Renamed\"}" : "";
            String answer = exchange(method + " /api/orders/" + id + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
            assertTrue(answer.startsWith("HTTP/1.1 404"), method + " -> " + answer.lines().findFirst().orElse(""));
            assertTrue(answer.contains("application/problem+json"), method + " -> " + answer);
        }
    }

    @Test
    void manyHeadersWithinApiGatewaysSizeQuotaReachTheFunction() throws IOException {
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            headers.append("x-h").append(i).append(": v\r\n");
        }
        String answer = get("/api/health", headers.toString());
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        assertTrue(answer.contains("\"status\":\"ok\""), answer);
    }

    @Test
    void headersOverApiGatewaysTenKilobytesAreA431InJson() throws IOException {
        String answer = get("/api/health", "x-big: " + "a".repeat(11 * 1024) + "\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 431"), answer);
        assertTrue(answer.endsWith("{\"message\":\"Request Header Fields Too Large\"}"), answer);
    }

    @Test
    void unknownPathsStayJson404() throws IOException {
        String answer = get("/nowhere", "");
        assertTrue(answer.startsWith("HTTP/1.1 404"), answer);
        assertEquals("{\"message\":\"Not Found\"}", answer.substring(answer.indexOf("\r\n\r\n") + 4));
    }
}
