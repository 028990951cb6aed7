package dev.orderchainer.localcloud;

import dev.orderchainer.local.ProjectFiles;
import dev.orderchainer.localcloud.LocalCloud.Options;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the local cloud: {@code mvn -DskipTests -Plocal package} from the project root.
 * Flags: --in-memory (no data kept), --env-vars FILE (sam local style overrides on top of infra/local.env.json),
 * --exit-with-parent (stop when the process that started it ends: Maven, whose SIGTERM does not reach this JVM).
 * Environment: PORT (3000), DYNAMODB_PORT (8000), SQS_PORT (9324), LOCAL_DATA_DIR (.local/data),
 * LOG_FILE (.local/logs/orderchainer.log), LOG_LEVEL (INFO).
 */
public final class LocalCloudMain {
    private LocalCloudMain() {}

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        // Maven passes -D...args="a b" as one argument.
        List<String> flags = Arrays.stream(args).flatMap(a -> Arrays.stream(a.trim().split("\\s+"))).filter(a -> !a.isBlank()).toList();
        Map<String, String> env = System.getenv();
        Path root = ProjectFiles.root();
        Path logFile = root.resolve(env.getOrDefault("LOG_FILE", ".local/logs/orderchainer.log")).normalize();
        Path errorLogFile = sibling(logFile, "-errors.log");
        Path metricsLogFile = sibling(logFile, "-metrics.log");
        // Before the first logger exists: the functions' log4j2.properties is for Lambda, this one is for here.
        System.setProperty("log4j2.configurationFile", "log4j2-local-cloud.xml");
        System.setProperty("orderchainer.logFile", logFile.toString());
        System.setProperty("orderchainer.errorLogFile", errorLogFile.toString());
        System.setProperty("orderchainer.metricsLogFile", metricsLogFile.toString());
        System.setProperty("orderchainer.logLevel", env.getOrDefault("LOG_LEVEL", "INFO"));

        boolean inMemory = flags.contains("--in-memory");
        Path dataDir = inMemory ? null : root.resolve(env.getOrDefault("LOCAL_DATA_DIR", ".local/data")).normalize();
        Path envVars = flagValue(flags, "--env-vars").map(root::resolve).orElse(root.resolve(".local/env.json"));
        Options options = new Options(root.resolve("template.yaml"), port(env, "PORT", 3000), port(env, "DYNAMODB_PORT", 8000),
                port(env, "SQS_PORT", 9324), dataDir, LocalOverrides.read(root.resolve(LocalOverrides.DEFAULTS), envVars));

        LocalCloud cloud = LocalCloud.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(cloud::close));
        if (flags.contains("--exit-with-parent")) {
            // Maven runs this as a child; killing Maven (an IDE's stop button, kill) would leave it serving on the port.
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
                System.out.println("the process that started the local cloud ended; stopping");
                System.exit(0);
            }));
        }
        printBanner(cloud, dataDir, List.of(logFile, errorLogFile, metricsLogFile), (System.nanoTime() - started) / 1_000_000);
        Thread.currentThread().join();
    }

    private static Path sibling(Path logFile, String suffix) {
        return logFile.resolveSibling(logFile.getFileName().toString().replaceFirst("\\.log$", "") + suffix);
    }

    private static void printBanner(LocalCloud cloud, Path dataDir, List<Path> logs, long millis) {
        StringBuilder out = new StringBuilder("\nOrderChainer local cloud is up in ").append(millis).append(" ms\n");
        out.append("  Web app    ").append(cloud.servesWebApp() ? cloud.baseUrl() + "/" : "not built (run Maven from the project root)")
                .append('\n');
        out.append("  API        ").append(cloud.baseUrl()).append('\n');
        for (HttpRoute route : cloud.httpRoutes()) {
            out.append(String.format("    %-7s %-32s -> %s%n", route.method(), route.path(), route.function().name()));
        }
        var services = cloud.services();
        out.append("  DynamoDB   ").append(services.dynamoDbServer().endpoint())
                .append(dataDir == null ? " (in memory)" : " (data in " + dataDir + ")").append('\n');
        services.stack().template().resources().values().stream().filter(r -> r.type().equals("AWS::DynamoDB::Table"))
                .forEach(r -> out.append("    table ").append(services.stack().resources().ref(r.logicalId())).append('\n'));
        out.append("  SQS        ").append(services.sqsServer().endpoint()).append('\n');
        services.stack().template().resources().values().stream().filter(r -> r.type().equals("AWS::SQS::Queue"))
                .forEach(r -> out.append("    queue ").append(services.stack().resources().ref(r.logicalId())).append('\n'));
        out.append("  Discord    ").append(cloud.discordSink().apiBase()).append(" (sink: messages are logged, not sent)\n");
        out.append("  Logs       ").append(logs.get(0)).append("\n  Errors     ").append(logs.get(1))
                .append("\n  Metrics    ").append(logs.get(2)).append('\n');
        out.append("  API spec   ").append(cloud.baseUrl()).append("/openapi.yaml\n");
        out.append("  API docs   ").append(cloud.baseUrl()).append("/docs\n");
        out.append("  Try        curl ").append(cloud.baseUrl()).append("/api/health\n");
        System.out.println(out);
    }

    private static int port(Map<String, String> env, String name, int defaultValue) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, got '" + value + "'");
        }
    }

    private static Optional<String> flagValue(List<String> flags, String name) {
        int index = flags.indexOf(name);
        return index >= 0 && index + 1 < flags.size() ? Optional.of(flags.get(index + 1)) : Optional.empty();
    }

}
