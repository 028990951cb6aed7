package dev.orderchainer.bench;

import dev.orderchainer.auth.TokenHandler;
import dev.orderchainer.auth.domain.PasswordHasher;
import dev.orderchainer.auth.domain.User;
import dev.orderchainer.auth.store.DynamoDbUserStore;
import dev.orderchainer.local.ApiGatewayV2Event;
import dev.orderchainer.local.HttpInvocation;
import dev.orderchainer.local.LocalLambdaContext;
import dev.orderchainer.local.LocalServices;
import dev.orderchainer.local.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Can a failed login's timing tell an unknown account from a known one with a wrong password?
 * POST /api/auth/token through the real TokenHandler on DynamoDB Local, the two kinds interleaved
 * one by one, with the failure floor off (A: the work alone) and on (B: LOGIN_FAILURE_FLOOR_MS,
 * the deployed default), alternating A and B rounds. Reports medians, spread and how often an
 * unknown-account sample is slower than a wrong-password one (0.5: indistinguishable).
 * Usage: mvn -DskipTests -Pbench-login package [-Dbench.args="SAMPLES ROUNDS"]
 */
public final class LoginTimingBenchmark {
    private LoginTimingBenchmark() {}

    public static void main(String[] args) throws Exception {
        String[] options = String.join(" ", args).trim().split("\\s+");
        int samples = options.length > 0 && !options[0].isEmpty() ? Integer.parseInt(options[0]) : 30;
        int rounds = options.length > 1 ? Integer.parseInt(options[1]) : 2;
        try (LocalServices local = LocalServices.start(LocalServices.Options.inMemory(ProjectFiles.template()))) {
            String table = local.stack().resources().ref("AppTable");
            String password = "violet kettle orbit mango";
            String username = "timing_" + UUID.randomUUID().toString().substring(0, 8);
            new DynamoDbUserStore(local.dynamoDb(), table).create(new User(UUID.randomUUID().toString(), username + "@example.org",
                    username, new PasswordHasher().hash(password), true, Instant.now(), 0, null));
            Map<String, TokenHandler> handlers = Map.of("A", handler(local, 0), "B", handler(local, null));
            StringBuilder report = new StringBuilder("| round | floor | kind | n | p10 ms | median ms | p90 ms | max ms |"
                    + " P(unknown slower) |\n|---|---|---|---:|---:|---:|---:|---:|---:|\n");
            for (String warm : List.of("A", "B")) {
                measure(handlers.get(warm), username, 10);
            }
            for (int round = 1; round <= rounds; round++) {
                for (String config : List.of("A", "B")) {
                    Map<String, List<Double>> times = measure(handlers.get(config), username, samples);
                    double overlap = probabilitySlower(times.get("unknown"), times.get("wrong password"));
                    for (String kind : List.of("unknown", "wrong password")) {
                        List<Double> t = times.get(kind);
                        report.append(String.format(Locale.ROOT, "| %d | %s | %s | %d | %.1f | %.1f | %.1f | %.1f | %s |%n", round,
                                config.equals("A") ? "off" : "250 ms", kind, t.size(), percentile(t, 10), percentile(t, 50),
                                percentile(t, 90), percentile(t, 100),
                                kind.equals("unknown") ? String.format(Locale.ROOT, "%.2f", overlap) : ""));
                    }
                }
            }
            System.out.println(report);
            Path out = ProjectFiles.root().resolve("infra/bench/target/login-timing.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report.toString());
        }
    }

    /** The deployed TokenHandler, with room for the benchmark's failures (no lockout, no rate limit in the way). */
    private static TokenHandler handler(LocalServices local, Integer floorMs) {
        Map<String, String> env = new HashMap<>(local.environmentOf("TokenFunction"));
        env.put("LOCKOUT_THRESHOLD", "100");
        env.put("TOKEN_RATE_LIMIT_PER_MINUTE", "1000000");
        if (floorMs != null) {
            env.put("LOGIN_FAILURE_FLOOR_MS", floorMs.toString());
        }
        return new TokenHandler(env);
    }

    private static Map<String, List<Double>> measure(TokenHandler handler, String username, int samples) {
        Map<String, List<Double>> times = new HashMap<>(Map.of("unknown", new ArrayList<>(), "wrong password", new ArrayList<>()));
        for (int i = 0; i < samples; i++) {
            times.get("unknown").add(time(handler, "ghost_" + UUID.randomUUID().toString().substring(0, 8)));
            times.get("wrong password").add(time(handler, username));
        }
        return times;
    }

    private static double time(TokenHandler handler, String login) {
        ApiGatewayV2Event event = ApiGatewayV2Event.request("POST", "/api/auth/token")
                .jsonBody("{\"username\":\"" + login + "\",\"password\":\"not the password\"}").sourceIp("127.0.0.9");
        long started = System.nanoTime();
        HttpInvocation.Response response = HttpInvocation.invoke(handler, event, new LocalLambdaContext("token", 1024, 10));
        double ms = (System.nanoTime() - started) / 1e6;
        if (response.status() != 401) {
            throw new IllegalStateException("expected 401, got " + response.status() + " " + response.bodyText());
        }
        return ms;
    }

    /** P(a random sample of {@code a} is slower than one of {@code b}); ties count half. */
    private static double probabilitySlower(List<Double> a, List<Double> b) {
        double wins = 0;
        for (double x : a) {
            for (double y : b) {
                wins += x > y ? 1 : x == y ? 0.5 : 0;
            }
        }
        return wins / (a.size() * (double) b.size());
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
