package dev.orderchainer.localcloud;

import dev.orderchainer.local.FakeDiscord;
import dev.orderchainer.local.FreePort;
import dev.orderchainer.local.LocalAws;
import dev.orderchainer.local.LocalServices;
import dev.orderchainer.local.ProjectFiles;
import dev.orderchainer.local.template.FunctionDefinition;
import dev.orderchainer.local.template.FunctionDefinition.EventSource;
import dev.orderchainer.local.template.PhysicalResources;
import dev.orderchainer.local.template.TemplateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The whole stack of template.yaml on this machine: DynamoDB Local and ElasticMQ with the
 * template's tables and queues, every function in-process with the environment the template gives
 * it, the HTTP API on 127.0.0.1, and the DynamoDB stream and SQS event source mappings.
 * Nothing here names a function or a route: a route added to the template works with no change.
 */
public final class LocalCloud implements AutoCloseable {
    private static final int STANDARD_QUEUE_POLLERS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(LocalCloud.class);
    private final LocalServices services;
    private final FakeDiscord discordSink;
    private final Map<String, LocalFunction> functions;
    private final HttpApiGateway gateway;
    private final DynamoDbStreamsClient streams;
    private final List<Runnable> stoppers = new ArrayList<>();
    private final List<Thread> pollers = new ArrayList<>();
    private final boolean servesWebApp;

    /**
     * @param dataDir   where DynamoDB data and stream checkpoints persist; null keeps everything in memory
     * @param overrides sam-local style: "Parameters" applies to every function's declared variables,
     *                  a function's logical id to that function
     */
    public record Options(Path template, int port, int dynamoDbPort, int sqsPort, Path dataDir,
                          Map<String, Map<String, String>> overrides) {
        /** Any free ports, nothing kept, the project's local defaults (file mail) applied. */
        public static Options forTests(Path template) {
            return new Options(template, 0, 0, 0, null,
                    LocalOverrides.read(ProjectFiles.root().resolve(LocalOverrides.DEFAULTS)));
        }
    }

    private LocalCloud(LocalServices services, Options options) throws IOException {
        this.services = services;
        this.streams = LocalAws.dynamoDbStreams(services.dynamoDbServer().endpoint());
        // Discord stays on this machine: webhooks post to a sink that checks Discord's limits and logs what arrives.
        this.discordSink = FakeDiscord.start(0);
        discordSink.acceptAnyWebhook();
        discordSink.onMessage(message -> {
            LOG.info("discord sink received a message for webhook {}: {}", message.webhookId(), message.body());
            keep(message);
        });
        this.functions = new LinkedHashMap<>();
        // The port is chosen first so the functions' links (verification mail, Discord embeds) can name this origin.
        int port = options.port() == 0 ? FreePort.pick() : options.port();
        String origin = "http://127.0.0.1:" + port;
        for (FunctionDefinition definition : services.stack().template().functions()) {
            functions.put(definition.logicalId(), new LocalFunction(definition, environment(definition, options.overrides(), origin)));
        }
        this.gateway = new HttpApiGateway(routes(), port);
        Path web = ProjectFiles.root().resolve("web/dist");
        this.servesWebApp = Files.isRegularFile(web.resolve("index.html"));
        if (servesWebApp) {
            gateway.serveWeb(web, WebResponseHeaders.of(services.stack().template()));
        } else {
            LOG.warn("web/dist is not built: the web app is not served (build it with `mvn -DskipTests package` from the root)");
        }
        Path spec = ProjectFiles.root().resolve("infra/openapi.yaml");
        if (Files.isRegularFile(spec)) {
            gateway.serveFile("/openapi.yaml", spec, "application/yaml");
            gateway.serveDocs(new ApiDocsPage());
        }
        startEventSourceMappings(options.dataDir());
    }

    public static LocalCloud start(Options options) {
        LocalServices services = LocalServices.start(new LocalServices.Options(options.template(), options.dynamoDbPort(),
                options.sqsPort(), options.dataDir() == null ? null : options.dataDir().resolve("dynamodb"), Map.of()));
        try {
            return new LocalCloud(services, options);
        } catch (IOException e) {
            services.close();
            throw new UncheckedIOException("cannot listen on port " + options.port(), e);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    /** {@code {origin}} in an override stands for this cloud's own http://127.0.0.1:PORT. */
    private Map<String, String> environment(FunctionDefinition definition, Map<String, Map<String, String>> overrides, String origin) {
        Map<String, String> env = new LinkedHashMap<>(services.environmentOf(definition));
        if (env.containsKey("DISCORD_API_BASE")) {
            env.put("DISCORD_API_BASE", discordSink.apiBase().toString());
        }
        overrides.getOrDefault("Parameters", Map.of()).forEach((name, value) -> {
            if (definition.environment().containsKey(name)) {
                env.put(name, value.replace("{origin}", origin));
            }
        });
        overrides.getOrDefault(definition.logicalId(), Map.of()).forEach((name, value) -> env.put(name, value.replace("{origin}", origin)));
        return env;
    }

    private List<HttpRoute> routes() {
        List<HttpRoute> routes = new ArrayList<>();
        for (LocalFunction function : functions.values()) {
            for (EventSource event : function.definition().eventsOfType("HttpApi")) {
                String path = string(event, "Path", null);
                String method = string(event, "Method", "ANY").toUpperCase(Locale.ROOT);
                if (path == null) {
                    throw new TemplateException(function.name() + "." + event.name() + " has no Path; the local cloud needs explicit routes");
                }
                routes.add(new HttpRoute(method.equals("X-AMAZON-APIGATEWAY-ANY-METHOD") ? "ANY" : method, path, function));
            }
        }
        return routes;
    }

    private void startEventSourceMappings(Path dataDir) {
        PhysicalResources resources = services.stack().resources();
        for (LocalFunction function : functions.values()) {
            for (EventSource event : function.definition().eventsOfType("SQS")) {
                String queueArn = services.stack().intrinsics().string(event.properties().get("Queue"));
                String queueUrl = resources.ref(resources.logicalIdWith("Arn", queueArn));
                // Lambda polls a standard queue with five concurrent batches from the start (so one long invocation, a
                // paced Discord drain, never holds up the next message), a FIFO queue here with one (its order kept).
                int pollers = queueUrl.endsWith(".fifo") ? 1 : STANDARD_QUEUE_POLLERS;
                for (int poller = 1; poller <= pollers; poller++) {
                    SqsEventSourceMapping mapping = new SqsEventSourceMapping(services.sqs(), queueUrl, queueArn, function,
                            integer(event, "BatchSize", 10), integer(event, "MaximumBatchingWindowInSeconds", 0),
                            reportsBatchItemFailures(event));
                    startPoller(function.name() + "-" + event.name() + (pollers == 1 ? "" : "-" + poller), mapping, mapping::stop);
                }
            }
            for (EventSource event : function.definition().eventsOfType("DynamoDB")) {
                String streamArn = services.stack().intrinsics().string(event.properties().get("Stream"));
                String onFailure = null;
                Object destination = services.stack().intrinsics().resolve(event.properties().get("DestinationConfig"));
                if (destination instanceof Map<?, ?> config && config.get("OnFailure") instanceof Map<?, ?> failure) {
                    String arn = String.valueOf(failure.get("Destination"));
                    onFailure = resources.ref(resources.logicalIdWith("Arn", arn));
                }
                var settings = new DynamoDbStreamEventSourceMapping.Settings(integer(event, "BatchSize", 100),
                        string(event, "StartingPosition", "TRIM_HORIZON"), integer(event, "MaximumRetryAttempts", -1),
                        reportsBatchItemFailures(event), onFailure, "true".equals(string(event, "BisectBatchOnFunctionError", "false")),
                        integer(event, "MaximumRecordAgeInSeconds", -1));
                Path checkpoints = dataDir == null ? null
                        : dataDir.resolve("stream-checkpoints").resolve(function.name() + "-" + event.name() + ".json");
                var mapping = new DynamoDbStreamEventSourceMapping(streams, services.sqs(), streamArn, function, settings, checkpoints);
                startPoller(function.name() + "-" + event.name(), mapping, mapping::stop);
            }
        }
    }

    private void startPoller(String name, Runnable poller, Runnable stopper) {
        Thread thread = new Thread(poller, "esm-" + name);
        thread.setDaemon(true);
        thread.start();
        pollers.add(thread);
        stoppers.add(stopper);
    }

    private boolean reportsBatchItemFailures(EventSource event) {
        Object types = event.properties().get("FunctionResponseTypes");
        return types instanceof List<?> list && list.contains("ReportBatchItemFailures");
    }

    private int integer(EventSource event, String key, int defaultValue) {
        Object value = event.properties().get(key);
        return value == null ? defaultValue : Integer.parseInt(services.stack().intrinsics().string(value));
    }

    private String string(EventSource event, String key, String defaultValue) {
        Object value = event.properties().get(key);
        return value == null ? defaultValue : services.stack().intrinsics().string(value);
    }

    /** Whether web/dist was built and is served at /. */
    public boolean servesWebApp() {
        return servesWebApp;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + gateway.port());
    }

    public LocalServices services() {
        return services;
    }

    /** Where the sink's messages are kept as files (as mail is in .local/mail), to read what a channel would show. */
    public static final Path DISCORD_DIR = Path.of(".local/discord");
    private static final AtomicLong KEPT = new AtomicLong();

    private static void keep(FakeDiscord.Message message) {
        try {
            Files.createDirectories(DISCORD_DIR);
            Files.writeString(DISCORD_DIR.resolve(System.currentTimeMillis() + "-" + KEPT.incrementAndGet() + "-" + message.webhookId() + ".json"),
                    message.body().toString());
        } catch (IOException e) {
            LOG.warn("could not keep a Discord message in {}: {}", DISCORD_DIR, e.toString());
        }
    }

    public FakeDiscord discordSink() {
        return discordSink;
    }

    public Map<String, LocalFunction> functions() {
        return functions;
    }

    public List<HttpRoute> httpRoutes() {
        return gateway.routes();
    }

    @Override
    public void close() {
        stoppers.forEach(Runnable::run);
        for (Thread poller : pollers) {
            try {
                poller.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        gateway.close();
        discordSink.close();
        functions.values().forEach(LocalFunction::close);
        streams.close();
        services.close();
        LOG.info("local cloud stopped");
    }
}
