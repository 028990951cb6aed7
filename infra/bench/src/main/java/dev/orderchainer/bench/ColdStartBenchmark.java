package dev.orderchainer.bench;

import dev.orderchainer.auth.domain.PasswordHasher;
import dev.orderchainer.auth.domain.User;
import dev.orderchainer.auth.store.DynamoDbUserStore;
import dev.orderchainer.local.ApiGatewayV2Event;
import dev.orderchainer.local.HttpInvocation;
import dev.orderchainer.local.LocalLambdaContext;
import dev.orderchainer.local.LocalServices;
import dev.orderchainer.local.ProjectFiles;
import dev.orderchainer.orders.CreateOrderHandler;
import dev.orderchainer.security.AccessTokens;
import dev.orderchainer.security.FunctionAuthentication;
import dev.orderchainer.security.SigningKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Cold start and warm latency of functions under the real Lambda Java runtime interface client
 * (aws-lambda-java-runtime-interface-client) talking to our Runtime API server, pinned to one core
 * with Lambda's JVM flags, against DynamoDB Local. Each target runs in a fresh JVM per cold start.
 * Usage: mvn -DskipTests -Pbench package [-Dbench.args="RUNS WARM"]
 */
public final class ColdStartBenchmark {
    private static final Path OUT = Path.of("infra/bench/target");

    private ColdStartBenchmark() {}

    record Target(String name, String handler, List<Path> classpath, Map<String, String> env, byte[] payload,
                  Predicate<String> expected) {}

    record Stats(String name, List<Double> coldMs, List<Double> warmMs) {}

    public static void main(String[] args) throws Exception {
        // Maven passes -D...args="a b" as one argument.
        List<String> flags = Arrays.stream(args).flatMap(a -> Arrays.stream(a.trim().split("\\s+"))).filter(a -> !a.isBlank()).toList();
        if (!flags.isEmpty() && flags.get(0).equals("all")) {
            everyFunction(flags.size() > 1 ? Integer.parseInt(flags.get(1)) : 3);
            return;
        }
        int runs = flags.size() > 0 ? Integer.parseInt(flags.get(0)) : 10;
        int warm = flags.size() > 1 ? Integer.parseInt(flags.get(1)) : 50;
        Files.createDirectories(OUT);
        try (LocalServices local = LocalServices.start(LocalServices.Options.inMemory(ProjectFiles.template()))) {
            local.dynamoDb().putItem(r -> r.tableName("AppTable")
                    .item(Map.of("pk", AttributeValue.fromS("bench#1"), "sk", AttributeValue.fromS("bench"))));
            List<Path> ric = classpathEntries(n -> n.contains("aws-lambda-java-runtime-interface-client")
                    || n.contains("aws-lambda-java-serialization"));

            List<Path> health = new ArrayList<>(packageClasspath(ProjectFiles.root().resolve("functions/health/target/health-function.zip")));
            health.addAll(ric);
            Map<String, String> healthEnv = local.environmentOf("HealthFunction");
            Target healthTarget = new Target("HealthFunction (GET /api/health: DescribeTable)",
                    "dev.orderchainer.health.HealthHandler::handleRequest", health, healthEnv,
                    Files.readAllBytes(ProjectFiles.root().resolve("events/HealthFunction.json")),
                    body -> body.contains("\"statusCode\":200"));

            List<Path> baseline = new ArrayList<>(List.of(Path.of(System.getProperty("bench.classes"))));
            baseline.addAll(classpathEntries(n -> n.contains("/software/amazon/awssdk/") || n.contains("/org/apache/httpcomponents/")
                    || n.contains("/commons-logging/") || n.contains("/commons-codec/") || n.contains("/io/netty/")
                    || n.contains("/org/reactivestreams/") || n.contains("/org/slf4j/slf4j-api/")
                    || n.contains("/software/amazon/eventstream/") || n.contains("aws-lambda-java-core")));
            baseline.addAll(ric);
            Map<String, String> baselineEnv = new LinkedHashMap<>(healthEnv);
            Target baselineTarget = new Target("Baseline (plain RequestHandler, default SDK client: GetItem)",
                    "dev.orderchainer.bench.GetItemBaselineHandler::handleRequest", baseline, baselineEnv,
                    "{\"pk\":\"bench#1\",\"sk\":\"bench\"}".getBytes(StandardCharsets.UTF_8), body -> body.equals("\"bench#1\""));

            List<Path> auth = new ArrayList<>(packageClasspath(ProjectFiles.root().resolve("functions/auth/target/auth-functions.zip")));
            auth.addAll(ric);
            String password = "violet kettle orbit mango";
            new DynamoDbUserStore(local.dynamoDb(), "AppTable").create(new User("bench-user", "bench@example.org", "bench_user",
                    new PasswordHasher().hash(password), true, Instant.now(), 0, null));
            Map<String, String> tokenEnv = new LinkedHashMap<>(local.environmentOf("TokenFunction"));
            // The benchmark logs in far more often than a person could.
            tokenEnv.put("TOKEN_RATE_LIMIT_PER_MINUTE", "1000000");
            tokenEnv.put("LOCKOUT_THRESHOLD", "100");
            String tokenHandler = "dev.orderchainer.auth.TokenHandler::handleRequest";
            Target login = new Target("TokenFunction (POST /api/auth/token: Argon2id check, JWT, refresh family)", tokenHandler,
                    auth, tokenEnv, loginEvent("bench_user", password), body -> body.contains("\"statusCode\":200"));
            Target wrongPassword = new Target("TokenFunction, wrong password (401)", tokenHandler, auth, tokenEnv,
                    loginEvent("bench_user", "not the password at all"), body -> body.contains("\"statusCode\":401"));
            Target unknownUser = new Target("TokenFunction, unknown user (401)", tokenHandler, auth, tokenEnv,
                    loginEvent("nobody_here", password), body -> body.contains("\"statusCode\":401"));

            List<Path> orders = new ArrayList<>(packageClasspath(ProjectFiles.root().resolve("functions/orders/target/orders-functions.zip")));
            orders.addAll(ric);
            Map<String, String> ordersEnv = local.environmentOf("GetOrderFunction");
            Target getOrder = getOrderTarget(local, orders, ordersEnv);

            List<Stats> results = new ArrayList<>();
            for (Target target : List.of(baselineTarget, getOrder, healthTarget, login, wrongPassword, unknownUser)) {
                if (!wanted(target.name())) {
                    continue;
                }
                results.add(measure(target, runs, warm));
            }
            String report = report(results, runs, warm);
            Files.writeString(OUT.resolve("cold-start.md"), report);
            System.out.println(report);
        }
    }

    /**
     * Every function of template.yaml, each on its sample event from events/ (API samples carry a
     * token that is refused, so they run init plus the token check), from its own package.
     */
    private static void everyFunction(int runs) throws Exception {
        Files.createDirectories(OUT);
        try (LocalServices local = LocalServices.start(LocalServices.Options.inMemory(ProjectFiles.template()))) {
            List<Path> ric = classpathEntries(n -> n.contains("aws-lambda-java-runtime-interface-client")
                    || n.contains("aws-lambda-java-serialization"));
            List<Stats> results = new ArrayList<>();
            for (var function : local.stack().template().functions()) {
                if (!wanted(function.logicalId())) {
                    continue;
                }
                List<Path> classpath = new ArrayList<>(packageClasspath(ProjectFiles.root().resolve(function.codeUri())));
                classpath.addAll(ric);
                Map<String, String> env = new LinkedHashMap<>(local.environmentOf(function));
                if (env.containsKey("EMAIL_TRANSPORT")) {
                    env.put("EMAIL_TRANSPORT", "file");
                    env.put("MAIL_DIR", OUT.resolve("mail").toString());
                }
                byte[] event = Files.readAllBytes(ProjectFiles.root().resolve("events").resolve(function.logicalId() + ".json"));
                results.add(measure(new Target(function.logicalId(), function.handlerClass() + "::" + function.handlerMethod(),
                        classpath, env, event, body -> !body.contains("\"errorMessage\"") && !body.contains("\"statusCode\":5")), runs, 5));
            }
            String report = report(results, runs, 5);
            Files.writeString(OUT.resolve("cold-start-all.md"), report);
            System.out.println(report);
        }
    }

    /** -Dbench.only=Baseline,GetOrder measures only the targets (or functions) whose names start with one of these. */
    private static boolean wanted(String name) {
        List<String> only = Arrays.stream(System.getProperty("bench.only", "").split(",")).filter(o -> !o.isBlank()).toList();
        return only.isEmpty() || only.stream().anyMatch(name::startsWith);
    }

    /** The design's bar: GET /api/orders/{id} of an existing order with a valid access token (JWT check, revocation check, GetItem). */
    private static Target getOrderTarget(LocalServices local, List<Path> classpath, Map<String, String> env) {
        String userId = UUID.randomUUID().toString();
        String token = new AccessTokens(SigningKeys.parse(local.signingKeysJson(), "local"),
                FunctionAuthentication.ISSUER, FunctionAuthentication.AUDIENCE, Duration.ofHours(2), Clock.systemUTC())
                .issue(userId, "bench-session").token();
        var created = HttpInvocation.invoke(
                new CreateOrderHandler(local.environmentOf("CreateOrderFunction")),
                ApiGatewayV2Event.request("POST", "/api/orders").routeKey("POST /api/orders").header("authorization", "Bearer " + token)
                        .jsonBody("{\"title\":\"Cold start\",\"description\":\"read by the benchmark\"}"),
                new LocalLambdaContext("CreateOrderFunction", 1024, 10));
        if (created.status() != 201) {
            throw new IllegalStateException("could not create the benchmark's order: " + created.status());
        }
        String orderId = created.json().path("id").asText();
        byte[] event = ApiGatewayV2Event.request("GET", "/api/orders/" + orderId).routeKey("GET /api/orders/{id}")
                .pathParameter("id", orderId).header("authorization", "Bearer " + token).toJson();
        return new Target("GetOrderFunction (GET /api/orders/{id}: JWT check, revocation check, GetItem)",
                "dev.orderchainer.orders.GetOrderHandler::handleRequest", classpath, env, event,
                body -> body.contains("\"statusCode\":200") && body.contains(orderId));
    }

    private static byte[] loginEvent(String username, String password) {
        return ApiGatewayV2Event.request("POST", "/api/auth/token").sourceIp("203.0.113.7")
                .jsonBody("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}").toJson();
    }

    private static Stats measure(Target target, int runs, int warm) throws Exception {
        List<Double> cold = new ArrayList<>();
        List<Double> warmLatencies = new ArrayList<>();
        String classpath = target.classpath().stream().map(Path::toString).collect(Collectors.joining(":"));
        for (int run = 0; run < runs; run++) {
            try (RuntimeApiServer api = new RuntimeApiServer()) {
                List<String> command = new ArrayList<>();
                if (Files.isExecutable(Path.of("/usr/bin/taskset"))) {
                    command.addAll(List.of("/usr/bin/taskset", "-c", "0"));
                }
                command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:+UseSerialGC", "-XX:ActiveProcessorCount=1", "-Xshare:auto", "-Xmx870m",
                        "-XX:-UsePerfData"));
                // -Dbench.jvmArgs adds flags to every function JVM, e.g. -Xlog:class+load to see what init loads.
                Arrays.stream(System.getProperty("bench.jvmArgs", "").split("\\s+")).filter(a -> !a.isBlank()).forEach(command::add);
                command.addAll(List.of("-cp", classpath,
                        "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", target.handler()));
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(OUT.resolve("bench-" + target.handler().replaceAll("\\W", "") + ".log").toFile());
                builder.environment().clear();
                builder.environment().putAll(target.env());
                // -Dbench.env=NAME=value,NAME=value overrides the function's environment, e.g. a log level to measure what logging costs.
                Arrays.stream(System.getProperty("bench.env", "").split(",")).filter(e -> e.contains("="))
                        .forEach(e -> builder.environment().put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1)));
                builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
                builder.environment().put("AWS_LAMBDA_RUNTIME_API", api.address());
                builder.environment().put("_HANDLER", target.handler());
                builder.environment().put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
                builder.environment().put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/bench");
                builder.environment().put("AWS_LAMBDA_LOG_STREAM_NAME", "bench");
                long started = System.nanoTime();
                var first = api.invoke(target.payload());
                Process process = builder.start();
                try {
                    RuntimeApiServer.Result result = first.get(60, TimeUnit.SECONDS);
                    check(target, result, api);
                    cold.add((result.arrivedNanos() - started) / 1e6);
                    for (int i = 0; i < warm; i++) {
                        long sent = System.nanoTime();
                        RuntimeApiServer.Result next = api.invoke(target.payload()).get(30, TimeUnit.SECONDS);
                        check(target, next, api);
                        warmLatencies.add((next.arrivedNanos() - sent) / 1e6);
                    }
                } finally {
                    // SIGTERM first, so JVM exit hooks run (a -XX:StartFlightRecording profile is written then).
                    process.destroy();
                    if (!process.waitFor(5, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    }
                }
            }
        }
        return new Stats(target.name(), cold, warmLatencies);
    }

    private static void check(Target target, RuntimeApiServer.Result result, RuntimeApiServer api) {
        String body = new String(result.body(), StandardCharsets.UTF_8);
        if (result.error() || !target.expected().test(body)) {
            throw new IllegalStateException(target.name() + " answered " + body
                    + (api.initError() == null ? "" : " (init error " + api.initError() + ")"));
        }
    }

    private static String report(List<Stats> results, int runs, int warm) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Cold start = JVM launch to first response; %d cold starts per function, %d warm invocations after each.%n%n",
                runs, warm));
        out.append("| function | cold p50 ms | cold p90 ms | cold min ms | warm p50 ms | warm p99 ms |\n");
        out.append("|---|---:|---:|---:|---:|---:|\n");
        for (Stats stats : results) {
            out.append(String.format("| %s | %.0f | %.0f | %.0f | %.2f | %.2f |%n", stats.name(),
                    percentile(stats.coldMs(), 50), percentile(stats.coldMs(), 90), percentile(stats.coldMs(), 0),
                    percentile(stats.warmMs(), 50), percentile(stats.warmMs(), 99)));
        }
        return out.toString();
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static List<Path> classpathEntries(Predicate<String> wanted) {
        return Arrays.stream(System.getProperty("java.class.path").split(":"))
                .filter(wanted).map(Path::of).toList();
    }

    /** The function's deployment package, unpacked as Lambda unpacks it; its classpath is the root then lib/*.jar, as Lambda's. */
    private static List<Path> packageClasspath(Path zip) throws IOException {
        Path dir = OUT.resolve("packages").resolve(zip.getFileName().toString().replace(".zip", "")).toAbsolutePath();
        // A fresh copy each run: classes left at the root by an older package would be on the classpath.
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        List<Path> classpath = new ArrayList<>(List.of(dir));
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.isDirectory()) {
                    continue;
                }
                Path target = dir.resolve(entry.getName()).normalize();
                Files.createDirectories(target.getParent());
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                if (entry.getName().startsWith("lib/") && entry.getName().endsWith(".jar")) {
                    classpath.add(target);
                }
            }
        }
        return classpath;
    }
}
