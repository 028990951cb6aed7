package dev.orderchainer.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.orderchainer.local.LoopbackHttpServers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The part of the Lambda Runtime API a runtime interface client talks to: it long-polls
 * /invocation/next for work and posts each result to /invocation/{id}/response or /error.
 */
final class RuntimeApiServer implements AutoCloseable {
    private static final String BASE = "/2018-06-01/runtime";
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Result>> inFlight = new ConcurrentHashMap<>();
    private volatile String initError;

    private record Invocation(String id, byte[] payload) {}

    /** What the runtime posted back, and when it arrived. */
    record Result(boolean error, byte[] body, long arrivedNanos) {}

    RuntimeApiServer() throws IOException {
        LoopbackHttpServers.noDelay();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext(BASE, this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    String initError() {
        return initError;
    }

    CompletableFuture<Result> invoke(byte[] payload) {
        String id = UUID.randomUUID().toString();
        CompletableFuture<Result> result = new CompletableFuture<>();
        inFlight.put(id, result);
        pending.add(new Invocation(id, payload));
        return result;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(BASE.length());
            byte[] body = exchange.getRequestBody().readAllBytes();
            long arrived = System.nanoTime();
            if (path.equals("/invocation/next")) {
                Invocation next = pending.take();
                var headers = exchange.getResponseHeaders();
                headers.add("Lambda-Runtime-Aws-Request-Id", next.id());
                headers.add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 30_000));
                headers.add("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:000000000000:function:bench");
                headers.add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
                headers.add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, next.payload().length);
                exchange.getResponseBody().write(next.payload());
                return;
            }
            if (path.equals("/init/error")) {
                initError = new String(body);
                inFlight.values().forEach(f -> f.complete(new Result(true, body, arrived)));
            } else if (path.startsWith("/invocation/")) {
                String[] parts = path.split("/");
                CompletableFuture<Result> result = inFlight.remove(parts[2]);
                if (result != null) {
                    result.complete(new Result(parts[3].equals("error"), body, arrived));
                }
            }
            exchange.sendResponseHeaders(202, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
