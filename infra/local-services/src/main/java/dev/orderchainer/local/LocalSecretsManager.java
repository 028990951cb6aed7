package dev.orderchainer.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * AWS Secrets Manager on 127.0.0.1 for what the stack uses of it, over the real wire protocol (AWS
 * JSON 1.1): CreateSecret, GetSecretValue (by name or ARN) and PutSecretValue.
 */
public final class LocalSecretsManager implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Map<String, Secret> secrets = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();

    private record Secret(String name, String arn, String value, String versionId, Instant created) {}

    private LocalSecretsManager(HttpServer server) {
        this.server = server;
    }

    public static LocalSecretsManager start() {
        LoopbackHttpServers.noDelay();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            LocalSecretsManager manager = new LocalSecretsManager(server);
            server.createContext("/", manager::handle);
            server.start();
            return manager;
        } catch (IOException e) {
            throw new IllegalStateException("the local Secrets Manager did not start: " + e.getMessage(), e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Creates or replaces a secret's value, as CreateSecret or PutSecretValue do; returns its ARN. */
    public String put(String name, String value) {
        Secret old = find(name);
        String secretName = old == null ? name : old.name();
        // Secrets Manager ARNs end in the name and six random characters.
        String arn = old == null ? "arn:aws:secretsmanager:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT_ID + ":secret:" + name + "-"
                + UUID.randomUUID().toString().substring(0, 6) : old.arn();
        secrets.put(secretName, new Secret(secretName, arn, value, UUID.randomUUID().toString(), Instant.now()));
        return arn;
    }

    public String value(String nameOrArn) {
        Secret secret = find(nameOrArn);
        return secret == null ? null : secret.value();
    }

    /** GetSecretValue calls answered so far (for call-count tests). */
    public int reads() {
        return reads.get();
    }

    private Secret find(String nameOrArn) {
        Secret byName = secrets.get(nameOrArn);
        return byName != null ? byName : secrets.values().stream().filter(s -> s.arn().equals(nameOrArn)).findFirst().orElse(null);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("x-amz-target"));
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            switch (target) {
                case "secretsmanager.GetSecretValue" -> {
                    reads.incrementAndGet();
                    Secret secret = find(request.path("SecretId").asText(""));
                    if (secret == null) {
                        error(exchange, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
                        return;
                    }
                    ObjectNode body = JSON.createObjectNode().put("ARN", secret.arn()).put("Name", secret.name())
                            .put("SecretString", secret.value()).put("VersionId", secret.versionId())
                            .put("CreatedDate", secret.created().getEpochSecond());
                    body.putArray("VersionStages").add("AWSCURRENT");
                    send(exchange, 200, body);
                }
                case "secretsmanager.CreateSecret", "secretsmanager.PutSecretValue" -> {
                    String id = request.path(target.endsWith("CreateSecret") ? "Name" : "SecretId").asText("");
                    if (target.endsWith("PutSecretValue") && find(id) == null) {
                        error(exchange, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
                        return;
                    }
                    String arn = put(id, request.path("SecretString").asText());
                    send(exchange, 200, JSON.createObjectNode().put("ARN", arn).put("Name", find(arn).name())
                            .put("VersionId", find(arn).versionId()));
                }
                default -> error(exchange, "InvalidRequestException", "The local Secrets Manager does not serve " + target);
            }
        }
    }

    private static void error(HttpExchange exchange, String type, String message) throws IOException {
        send(exchange, 400, JSON.createObjectNode().put("__type", type).put("message", message));
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("content-type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
