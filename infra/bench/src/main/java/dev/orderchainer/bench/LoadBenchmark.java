package dev.orderchainer.bench;

import dev.orderchainer.local.ProjectFiles;
import dev.orderchainer.localcloud.LocalCloud;
import dev.orderchainer.security.AccessTokens;
import dev.orderchainer.security.SigningKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 60 seconds of load on the local cloud over loopback HTTP: 8 clients, 80% GET /api/orders/{id}
 * and 20% POST /api/orders with a valid token, bounded in time and count. Reports p50/p99 per
 * operation and every non-2xx answer or failed request as an error.
 * Usage: mvn -DskipTests -Pbench-load package
 */
public final class LoadBenchmark {
    private static final Duration LENGTH = Duration.ofSeconds(60);
    private static final int CLIENTS = 8;
    private static final int MAX_REQUESTS = 500_000;
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9A-Z]{26})\"");

    private LoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        try (LocalCloud cloud = LocalCloud.start(LocalCloud.Options.forTests(ProjectFiles.template()))) {
            String secret = cloud.services().signingKeysJson();
            String token = new AccessTokens(SigningKeys.parse(secret, "local"), "orderchainer", "orderchainer-api",
                    Duration.ofMinutes(30), Clock.systemUTC()).issue(UUID.randomUUID().toString(), "load").token();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<String> ids = Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < 100; i++) {
                ids.add(create(http, cloud, token, "seed " + i).orElseThrow());
            }
            List<Double> gets = Collections.synchronizedList(new ArrayList<>());
            List<Double> posts = Collections.synchronizedList(new ArrayList<>());
            ConcurrentHashMap<String, AtomicInteger> errors = new ConcurrentHashMap<>();
            AtomicInteger sent = new AtomicInteger();
            long end = System.nanoTime() + LENGTH.toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Random random = new Random(c);
                clients.add(pool.submit(() -> {
                    while (System.nanoTime() < end && sent.incrementAndGet() <= MAX_REQUESTS) {
                        long started = System.nanoTime();
                        try {
                            if (random.nextInt(10) < 8) {
                                String id = ids.get(random.nextInt(ids.size()));
                                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/api/orders/" + id))
                                        .header("authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                                record(response.statusCode(), 200, gets, started, errors, "GET");
                            } else {
                                HttpResponse<String> response = post(http, cloud, token, "load " + random.nextInt());
                                record(response.statusCode(), 201, posts, started, errors, "POST");
                            }
                        } catch (Exception e) {
                            errors.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
            pool.shutdownNow();
            String table = "| operation | requests | per second | p50 ms | p99 ms | max ms | errors |\n|---|---:|---:|---:|---:|---:|---:|\n"
                    + row("GET /api/orders/{id}", gets, errors.getOrDefault("GET", new AtomicInteger()).get())
                    + row("POST /api/orders", posts, errors.getOrDefault("POST", new AtomicInteger()).get())
                    + (errors.keySet().stream().anyMatch(k -> !k.equals("GET") && !k.equals("POST")) ? "\nclient errors: " + errors + "\n" : "");
            System.out.println(table);
            Files.createDirectories(Path.of("infra/bench/target"));
            Files.writeString(Path.of("infra/bench/target/load.md"), table);
        }
    }

    private static void record(int status, int expected, List<Double> latencies, long started,
                               ConcurrentHashMap<String, AtomicInteger> errors, String operation) {
        latencies.add((System.nanoTime() - started) / 1e6);
        if (status != expected) {
            errors.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    private static String row(String name, List<Double> latencies, int errors) {
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return String.format("| %s | 0 | 0 | - | - | - | %d |%n", name, errors);
        }
        return String.format("| %s | %d | %.0f | %.1f | %.1f | %.1f | %d |%n", name, sorted.size(), sorted.size() / (double) LENGTH.toSeconds(),
                sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1), sorted.get(sorted.size() - 1), errors);
    }

    private static HttpResponse<String> post(HttpClient http, LocalCloud cloud, String token, String title) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/api/orders")).header("authorization", "Bearer " + token)
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + title + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<String> create(HttpClient http, LocalCloud cloud, String token, String title) throws Exception {
        Matcher matcher = ID.matcher(post(http, cloud, token, title).body());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
