package dev.orderchainer.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Discord webhook endpoint on loopback that checks what real Discord checks (embed and message
 * limits, JSON shape) and answers like it: GET a webhook 200 or 404 (code 10015), POST 200 with
 * the message ({@code ?wait=true}) or 204, 400 with error details, and scripted 429/5xx/404
 * answers for tests. Like Discord, it drops a message's components unless the post asks {@code ?with_components=true},
 * and then allows link buttons only (a webhook we do not own may post no interactive ones). The local cloud uses it
 * as its Discord sink.
 */
public final class FakeDiscord implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WEBHOOK = Pattern.compile("^/api(?:/v\\d+)?/webhooks/(\\d+)/([^/]+)$");
    private final HttpServer server;
    private final List<Message> received = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> webhooks = new ConcurrentHashMap<>();
    private final Queue<Scripted> script = new ConcurrentLinkedQueue<>();
    private final Map<String, Queue<Scripted>> scriptsByWebhook = new ConcurrentHashMap<>();
    private final AtomicLong messageIds = new AtomicLong(1_100_000_000_000_000_000L);
    private volatile boolean acceptAnyWebhook;
    private volatile int bucketSize;
    private volatile long bucketMillis;
    private final Map<String, long[]> buckets = new ConcurrentHashMap<>();
    private final AtomicLong rateLimited = new AtomicLong();
    private volatile Consumer<Message> listener = m -> { };
    private volatile String refusedMarker;
    private final Set<String> forgotten = ConcurrentHashMap.newKeySet();

    /** A message Discord accepted. */
    public record Message(String webhookId, JsonNode body) {}

    /** A canned answer for the next request (GET or POST): status, body and headers, sent after {@code delay} (to time clients out). */
    public record Scripted(int status, String body, Map<String, String> headers, Duration delay) {
        public Scripted(int status, String body, Map<String, String> headers) {
            this(status, body, headers, Duration.ZERO);
        }

        /** Discord hanging: nothing is posted and the answer comes only after {@code delay}. */
        public static Scripted hang(Duration delay) {
            return new Scripted(503, "{}", Map.of(), delay);
        }
    }

    private FakeDiscord(HttpServer server) {
        this.server = server;
    }

    public static FakeDiscord start(int port) {
        LoopbackHttpServers.noDelay();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
            FakeDiscord discord = new FakeDiscord(server);
            server.createContext("/api", discord::handle);
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.start();
            return discord;
        } catch (IOException e) {
            throw new IllegalStateException("fake Discord did not start", e);
        }
    }

    /** Base URL to configure as DISCORD_API_BASE. */
    public URI apiBase() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v10");
    }

    /** A webhook that exists (again, if it was forgotten). */
    public void registerWebhook(String id, String token) {
        forgotten.remove(id);
        webhooks.put(id, token);
    }

    /** Sink mode: every well-formed webhook exists (the local cloud's Discord). */
    public void acceptAnyWebhook() {
        acceptAnyWebhook = true;
    }

    /**
     * Discord's per-webhook rate limit: {@code requests} per {@code window}; answers carry
     * X-RateLimit-Remaining / Reset-After and a request over the limit gets 429 with retry_after.
     */
    public void limitRate(int requests, Duration window) {
        this.bucketSize = requests;
        this.bucketMillis = window.toMillis();
    }

    /** How many requests were answered 429 by the rate limit. */
    public long rateLimited() {
        return rateLimited.get();
    }

    /** Discord refusing content: any message whose body contains {@code marker} gets 400 Invalid Form Body. */
    public void refuseMessagesContaining(String marker) {
        refusedMarker = marker;
    }

    public void onMessage(Consumer<Message> listener) {
        this.listener = listener;
    }

    public void script(Scripted... answers) {
        script.addAll(List.of(answers));
    }

    /** Canned answers for the next requests to one webhook only (before any of {@link #script}'s). */
    public void scriptFor(String webhookId, Scripted... answers) {
        scriptsByWebhook.computeIfAbsent(webhookId, id -> new ConcurrentLinkedQueue<>()).addAll(List.of(answers));
    }

    public List<Message> received() {
        return List.copyOf(received);
    }

    private static final Pattern DIGEST_TITLE = Pattern.compile("^\\d+ × (.+)$");
    /** "[Title](url) `…id` change", or "**Title** `…id` change" where no link is configured. */
    private static final Pattern DIGEST_LINE = Pattern.compile("^(?:\\*\\*(.*)\\*\\*|\\[(.*)]\\(\\S+\\)) `…\\w+` .*$");

    /**
     * What was announced to one webhook, in order, as "Headline: Title": a rich embed's title, and each
     * line of a digest ("N × Headline", lines "[Title](url) `…id` change") in the same form.
     */
    public List<String> announcements(String webhookId) {
        List<String> announced = new ArrayList<>();
        for (Message message : received()) {
            if (!message.webhookId().equals(webhookId)) {
                continue;
            }
            for (JsonNode embed : message.body().path("embeds")) {
                Matcher digest = DIGEST_TITLE.matcher(embed.path("title").asText());
                if (!digest.matches()) {
                    announced.add(embed.path("title").asText());
                    continue;
                }
                for (String line : embed.path("description").asText().split("\n")) {
                    Matcher named = DIGEST_LINE.matcher(line);
                    if (!named.matches()) {
                        throw new IllegalStateException("not a digest line: " + line);
                    }
                    announced.add(digest.group(1) + ": " + (named.group(1) != null ? named.group(1) : named.group(2)).replaceAll("\\\\(.)", "$1"));
                }
            }
        }
        return announced;
    }

    /** Discord forgetting a webhook (deleted in the channel settings): 404 Unknown Webhook from now on, even in sink mode. */
    public void forgetWebhook(String id) {
        forgotten.add(id);
    }

    private boolean exists(String id, String token) {
        return !forgotten.contains(id) && (acceptAnyWebhook || token.equals(webhooks.get(id)));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher matcher = WEBHOOK.matcher(exchange.getRequestURI().getPath());
            byte[] request = exchange.getRequestBody().readAllBytes();
            if (!matcher.matches()) {
                send(exchange, 404, "{\"message\":\"404: Not Found\",\"code\":0}", Map.of());
                return;
            }
            String id = matcher.group(1);
            String token = matcher.group(2);
            if (!exists(id, token)) {
                send(exchange, 404, "{\"message\":\"Unknown Webhook\",\"code\":10015}", Map.of());
                return;
            }
            Queue<Scripted> own = scriptsByWebhook.get(id);
            Scripted scripted = own == null || own.isEmpty() ? script.poll() : own.poll();
            if (scripted != null) {
                try {
                    Thread.sleep(scripted.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                send(exchange, scripted.status(), scripted.body(), scripted.headers());
                return;
            }
            if (exchange.getRequestMethod().equals("GET")) {
                send(exchange, 200, "{\"type\":1,\"id\":\"" + id + "\",\"name\":\"OrderChainer\",\"channel_id\":\"1\",\"guild_id\":\"1\"}", Map.of());
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                send(exchange, 405, "{\"message\":\"405: Method Not Allowed\",\"code\":0}", Map.of());
                return;
            }
            Map<String, String> limitHeaders = Map.of();
            if (bucketSize > 0) {
                long now = System.currentTimeMillis();
                long[] bucket;
                int used;
                long resetIn;
                synchronized (buckets) {
                    bucket = buckets.computeIfAbsent(id, k -> new long[] {now, 0});
                    if (now >= bucket[0] + bucketMillis) {
                        bucket[0] = now;
                        bucket[1] = 0;
                    }
                    used = (int) ++bucket[1];
                    resetIn = bucket[0] + bucketMillis - now;
                }
                String resetAfter = String.format(Locale.ROOT, "%.3f", resetIn / 1000.0);
                if (used > bucketSize) {
                    rateLimited.incrementAndGet();
                    send(exchange, 429, "{\"message\":\"You are being rate limited.\",\"retry_after\":" + resetAfter + ",\"global\":false}",
                            Map.of("Retry-After", Long.toString((resetIn + 999) / 1000), "X-RateLimit-Remaining", "0",
                                    "X-RateLimit-Reset-After", resetAfter, "X-RateLimit-Limit", Integer.toString(bucketSize)));
                    return;
                }
                limitHeaders = Map.of("X-RateLimit-Limit", Integer.toString(bucketSize),
                        "X-RateLimit-Remaining", Integer.toString(bucketSize - used), "X-RateLimit-Reset-After", resetAfter);
            }
            JsonNode body;
            try {
                body = JSON.readTree(request);
            } catch (IOException e) {
                send(exchange, 400, "{\"message\":\"Cannot send an empty message\",\"code\":50006}", Map.of());
                return;
            }
            // A webhook nobody's application owns: Discord ignores its components unless ?with_components=true.
            if (body.isObject() && !String.valueOf(exchange.getRequestURI().getQuery()).contains("with_components=true")) {
                ((ObjectNode) body).remove("components");
            }
            String violation = refusedMarker != null && body.toString().contains(refusedMarker)
                    ? "refused content" : DiscordLimits.violation(body);
            if (violation != null) {
                send(exchange, 400, JSON.createObjectNode().put("message", "Invalid Form Body").put("code", 50035)
                        .put("detail", violation).toString(), Map.of());
                return;
            }
            Message message = new Message(id, body);
            received.add(message);
            listener.accept(message);
            boolean wait = String.valueOf(exchange.getRequestURI().getQuery()).contains("wait=true");
            if (wait) {
                send(exchange, 200, JSON.createObjectNode().put("id", Long.toString(messageIds.incrementAndGet()))
                        .put("webhook_id", id).set("embeds", body.path("embeds")).toString(), limitHeaders);
            } else {
                send(exchange, 204, "", limitHeaders);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String body, Map<String, String> headers) throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
