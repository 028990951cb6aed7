package dev.orderchainer.localcloud;

import dev.orderchainer.local.ApiGatewayV2Event;
import dev.orderchainer.local.HttpInvocation;
import dev.orderchainer.local.PercentDecoding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API on 127.0.0.1: matches the template's HttpApi routes, builds the v2 event API
 * Gateway would send, invokes the routed function and answers with its response. Every answer of
 * its own looks like API Gateway's: JSON {"message": ...} for 404, 413, 500, a malformed request
 * line or path (400) and request line plus headers over API Gateway's 10 KB (431).
 */
public final class HttpApiGateway implements AutoCloseable {
    /** API Gateway's payload limit. */
    static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
    /** API Gateway (HTTP API) quota for the request line and header values together. */
    static final int MAX_HEADER_BYTES = 10 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(HttpApiGateway.class);
    private final List<HttpRoute> routes;
    private final Server server;
    private final ServerConnector connector;
    private record ServedFile(Path file, String contentType) {}

    private final Map<String, ServedFile> files = new ConcurrentHashMap<>();
    private volatile ApiDocsPage docs;
    private volatile Path web;
    private volatile Map<String, String> webHeaders = Map.of();

    public HttpApiGateway(List<HttpRoute> routes, int port) throws IOException {
        this.routes = routes.stream().sorted(Comparator.comparingInt(HttpRoute::specificity).reversed()).toList();
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("local-api");
        threads.setDaemon(true);
        this.server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        // API Gateway documents no refusal of a path's form, only its size quota (request line and headers
        // together at most 10,240 bytes), so every rule of Jetty's that can be turned off is: encoded '\\',
        // '/', controls and bytes that are not UTF-8 reach the function, which answers with its problem
        // document. Jetty's parser itself still refuses an escape that is not '%' and two hex digits, and an
        // encoded NUL in the path, with 400 {"message":"Bad Request"} (the query string keeps both).
        http.setUriCompliance(UriCompliance.from(EnumSet.allOf(UriCompliance.Violation.class)));
        this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                HttpApiGateway.this.handle(request, response, callback);
                return true;
            }
        });
        server.setErrorHandler(new ApiGatewayErrors());
        try {
            server.start();
        } catch (Exception e) {
            throw new IOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    /** Serves a file of the project as-is (the API description) next to the routes. */
    public void serveFile(String path, Path file, String contentType) {
        files.put(path, new ServedFile(file, contentType));
    }

    /** Serves the Swagger UI page and its files under /docs; any other path there is API Gateway's 404. */
    void serveDocs(ApiDocsPage page) {
        this.docs = page;
    }

    /**
     * Serves the built web app (web/dist) at / as CloudFront does: its files, and index.html for any
     * other page a browser asks for outside /api (the app routes in the browser); API 404s stay JSON.
     */
    /** Serves the built app with {@code headers} (CloudFront's response headers policy) on every file. */
    void serveWeb(Path dist, Map<String, String> headers) {
        this.web = dist.toAbsolutePath().normalize();
        this.webHeaders = Map.copyOf(headers);
    }

    public int port() {
        return connector.getLocalPort();
    }

    public List<HttpRoute> routes() {
        return routes;
    }

    private void handle(Request request, Response response, Callback callback) throws IOException {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        String path = request.getHttpURI().getPath();
        String query = request.getHttpURI().getQuery();
        if (path == null) {
            send(request, response, callback, 400, Map.of("content-type", "application/json"), message("Bad Request"));
            return;
        }
        if (files.containsKey(path) && (method.equals("GET") || method.equals("HEAD"))) {
            ServedFile served = files.get(path);
            send(request, response, callback, 200, Map.of("content-type", served.contentType()), Files.readAllBytes(served.file()));
            return;
        }
        if (docs != null && (path.equals(ApiDocsPage.PATH) || path.startsWith(ApiDocsPage.PATH + "/"))) {
            Optional<ApiDocsPage.Asset> asset = method.equals("GET") || method.equals("HEAD") ? docs.asset(path) : Optional.empty();
            if (asset.isPresent()) {
                send(request, response, callback, 200, Map.of("content-type", asset.get().contentType()), asset.get().body());
            } else {
                send(request, response, callback, 404, Map.of("content-type", "application/json"), message("Not Found"));
            }
            return;
        }
        if (web != null && !path.equals("/api") && !path.startsWith("/api/") && (method.equals("GET") || method.equals("HEAD"))) {
            if (serveStatic(request, response, callback, path)) {
                return;
            }
        }
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
            send(request, response, callback, 404, Map.of("content-type", "application/json"), message("Not Found"));
            return;
        }
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readNBytes(MAX_PAYLOAD_BYTES + 1);
        }
        if (body.length > MAX_PAYLOAD_BYTES) {
            send(request, response, callback, 413, Map.of("content-type", "application/json"), message("Request Entity Too Large"));
            return;
        }
        ApiGatewayV2Event event = ApiGatewayV2Event.request(method, query == null ? path : path + "?" + query)
                .routeKey(route.routeKey())
                .sourceIp(Request.getRemoteAddr(request))
                .body(body);
        for (HttpField header : request.getHeaders()) {
            event.header(header.getName(), header.getValue());
        }
        parameters.forEach(event::pathParameter);
        HttpInvocation.Response answer;
        try {
            answer = HttpInvocation.fromLambdaOutput(route.function().invoke(event.toJson()));
        } catch (LocalFunction.FunctionError e) {
            LOG.error("function {} failed on {} {}", route.function().name(), method, path, e);
            send(request, response, callback, 500, Map.of("content-type", "application/json"), message("Internal Server Error"));
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        headers.put("apigw-requestid", event.requestId());
        send(request, response, callback, answer.status(), headers, answer.body());
    }

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon",
            "json", "application/json", "woff2", "font/woff2", "txt", "text/plain; charset=utf-8", "map", "application/json");
    /** @return whether it answered: a file of the app, or index.html for a page a browser asks for */
    private boolean serveStatic(Request request, Response response, Callback callback, String rawPath) throws IOException {
        String path = PercentDecoding.lenient(rawPath, false);
        Path file = web.resolve(path.substring(1)).normalize();
        boolean html = String.valueOf(request.getHeaders().get("accept")).contains("text/html");
        if (!file.startsWith(web) || !Files.isRegularFile(file)) {
            if (!html) {
                return false;
            }
            file = web.resolve("index.html");
        }
        String name = file.getFileName().toString();
        Map<String, String> headers = new LinkedHashMap<>(webHeaders);
        headers.put("content-type", TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream"));
        // Vite names assets by content hash: they never change; the page itself must always be fetched again.
        headers.put("cache-control", file.startsWith(web.resolve("assets")) ? "public, max-age=31536000, immutable" : "no-cache");
        send(request, response, callback, 200, headers, Files.readAllBytes(file));
        return true;
    }

    private static byte[] message(String text) {
        return ("{\"message\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static void send(Request request, Response response, Callback callback, int status, Map<String, String> headers,
                             byte[] body) {
        response.setStatus(status);
        headers.forEach((name, value) -> {
            for (String line : name.equals("set-cookie") ? value.split("\n") : new String[] {value}) {
                response.getHeaders().add(name, line);
            }
        });
        boolean empty = body.length == 0 || status == 204 || status == 304 || request.getMethod().equals("HEAD");
        if (!empty) {
            response.getHeaders().put("content-length", Integer.toString(body.length));
        }
        response.write(true, empty ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
    }

    /** Jetty's own refusals (bad request line, headers too large, ...) as API Gateway words them. */
    private static final class ApiGatewayErrors extends ErrorHandler {
        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                        Callback callback) {
            response.getHeaders().put("content-type", "application/json");
            byte[] body = message(HttpStatus.getMessage(code));
            response.getHeaders().put("content-length", Integer.toString(body.length));
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("stopping the local HTTP API failed: {}", e.toString());
        }
    }
}
