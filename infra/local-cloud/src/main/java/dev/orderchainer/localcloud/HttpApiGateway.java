package dev.orderchainer.localcloud;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.orderchainer.local.ApiGatewayV2Event;
import dev.orderchainer.local.HttpInvocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API on 127.0.0.1: matches the template's HttpApi routes, builds the v2 event API
 * Gateway would send, invokes the routed function and answers with its response. Errors look
 * like API Gateway's own: 404 {"message":"Not Found"}, 413, 500 {"message":"Internal Server Error"}.
 */
public final class HttpApiGateway implements AutoCloseable {
    /** API Gateway's payload limit. */
    static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(HttpApiGateway.class);
    private final List<HttpRoute> routes;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(32);

    public HttpApiGateway(List<HttpRoute> routes, int port) throws IOException {
        dev.orderchainer.local.LoopbackHttpServers.noDelay();
        this.routes = routes.stream().sorted(Comparator.comparingInt(HttpRoute::specificity).reversed()).toList();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Serves a file of the project as-is (the API description) next to the routes. */
    public void serveFile(String path, java.nio.file.Path file, String contentType) {
        server.createContext(path, exchange -> {
            try (exchange) {
                byte[] body = java.nio.file.Files.readAllBytes(file);
                send(exchange, 200, Map.of("content-type", contentType), body);
            }
        });
    }

    /** Serves the Swagger UI page and its files under /docs; any other path there is API Gateway's 404. */
    void serveDocs(ApiDocsPage docs) {
        server.createContext(ApiDocsPage.PATH, exchange -> {
            try (exchange) {
                String method = exchange.getRequestMethod();
                Optional<ApiDocsPage.Asset> asset = method.equals("GET") || method.equals("HEAD")
                        ? docs.asset(exchange.getRequestURI().getRawPath()) : Optional.empty();
                if (asset.isPresent()) {
                    send(exchange, 200, Map.of("content-type", asset.get().contentType()), asset.get().body());
                } else {
                    sendNotFound(exchange);
                }
            }
        });
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<HttpRoute> routes() {
        return routes;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            HttpRoute route = null;
            Map<String, String> parameters = Map.of();
            for (HttpRoute candidate : routes) {
                Optional<Map<String, String>> match = candidate.match(method, path);
                if (match.isPresent()) {
                    route = candidate;
                    parameters = match.get();
                    break;
                }
            }
            if (route == null) {
                sendNotFound(exchange);
                return;
            }
            byte[] body = readLimited(exchange.getRequestBody());
            if (body == null) {
                send(exchange, 413, Map.of("content-type", "application/json"),
                        "{\"message\":\"Request Entity Too Large\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            ApiGatewayV2Event event = ApiGatewayV2Event.request(method, query == null ? path : path + "?" + query)
                    .routeKey(route.routeKey())
                    .sourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                    .body(body);
            exchange.getRequestHeaders().forEach((name, values) -> values.forEach(v -> event.header(name, v)));
            parameters.forEach(event::pathParameter);
            HttpInvocation.Response response;
            try {
                response = HttpInvocation.fromLambdaOutput(route.function().invoke(event.toJson()));
            } catch (LocalFunction.FunctionError e) {
                LOG.error("function {} failed on {} {}", route.function().name(), method, path, e);
                send(exchange, 500, Map.of("content-type", "application/json"),
                        "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Map<String, String> headers = new java.util.LinkedHashMap<>(response.headers());
            headers.put("apigw-requestid", event.requestId());
            send(exchange, response.status(), headers, response.body());
        } catch (RuntimeException e) {
            LOG.error("local gateway failure", e);
            throw e;
        }
    }

    private static void sendNotFound(HttpExchange exchange) throws IOException {
        send(exchange, 404, Map.of("content-type", "application/json"), "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_PAYLOAD_BYTES + 1);
        return body.length > MAX_PAYLOAD_BYTES ? null : body;
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body) throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        boolean empty = body.length == 0 || status == 204 || status == 304 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
