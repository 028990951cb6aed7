package dev.orderchainer.bench;

import dev.orderchainer.discord.domain.Integration;
import dev.orderchainer.discord.domain.Notifications;
import dev.orderchainer.discord.domain.WebhookUrl;
import dev.orderchainer.discord.store.DynamoDbIntegrationStore;
import dev.orderchainer.local.FakeDiscord;
import dev.orderchainer.local.ProjectFiles;
import dev.orderchainer.localcloud.LocalCloud;
import dev.orderchainer.localcloud.LocalOverrides;
import dev.orderchainer.orders.domain.OrderRequests;
import dev.orderchainer.orders.domain.OrderService;
import dev.orderchainer.orders.store.DynamoDbOrderStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * 1,000 order changes for one webhook through the whole local pipeline (table stream, publisher,
 * SQS FIFO, notifier into the outbox, paced sender) to a fake Discord that allows 5 requests per 2 seconds
 * per webhook, as Discord does. Reports the time until all arrived (from the first and after the last
 * change), messages, 429s, lost and duplicated changes (digest lines counted as the changes they name).
 * Usage: mvn -DskipTests -Pbench-discord package
 */
public final class DiscordDeliveryBenchmark {
    private static final int CHANGES = 1000;
    private static final String TOKEN = "Xy3kP9mQ2vL8nR4tW6zA1bC5dE7fG0hJ2kM4pN6qS8uV0xZ3aB5cD7eF9gH1iJ3kL5m";

    private DiscordDeliveryBenchmark() {}

    public static void main(String[] args) throws Exception {
        try (FakeDiscord discord = FakeDiscord.start(0)) {
            discord.limitRate(5, Duration.ofSeconds(2));
            String webhookId = "1187654321098765432";
            discord.registerWebhook(webhookId, TOKEN);
            Map<String, Map<String, String>> overrides = new LinkedHashMap<>(
                    LocalOverrides.read(ProjectFiles.root().resolve(LocalOverrides.DEFAULTS)));
            overrides.put("DiscordSenderFunction", Map.of("DISCORD_API_BASE", discord.apiBase().toString()));
            try (LocalCloud cloud = LocalCloud.start(new LocalCloud.Options(ProjectFiles.template(), 0, 0, 0, null, overrides))) {
                var dynamoDb = cloud.services().dynamoDb();
                String userId = UUID.randomUUID().toString();
                new DynamoDbIntegrationStore(dynamoDb, "AppTable").put(new Integration(userId, new WebhookUrl(webhookId, TOKEN),
                        "OrderChainer", null, Notifications.ALL, true, null, Instant.now(), Instant.now()));
                OrderService orders = new OrderService(new DynamoDbOrderStore(dynamoDb, "AppTable"), Clock.systemUTC());

                long started = System.nanoTime();
                for (int i = 0; i < CHANGES; i++) {
                    orders.create(userId, new OrderRequests.Create("Order " + i, null, null, null, null));
                }
                long lastWrite = System.nanoTime();
                double writeSeconds = (lastWrite - started) / 1e9;
                long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                while (System.nanoTime() < deadline && discord.announcements(webhookId).size() < CHANGES) {
                    Thread.sleep(50);
                }
                double totalSeconds = (System.nanoTime() - started) / 1e9;
                double afterLastSeconds = (System.nanoTime() - lastWrite) / 1e9;
                Thread.sleep(3000); // anything late would be a duplicate
                Set<String> unique = new HashSet<>();
                Map<String, Integer> counts = new HashMap<>();
                int total = 0;
                for (String announced : discord.announcements(webhookId)) {
                    unique.add(announced);
                    counts.merge(announced, 1, Integer::sum);
                    total++;
                }
                int lost = CHANGES - unique.size();
                int duplicates = total - unique.size();
                String report = String.format("| %d changes, one webhook, 5 requests / 2 s | %.1f s | %.1f s | %.1f s | %d | %d | %d | %d |%n",
                        CHANGES, writeSeconds, totalSeconds, afterLastSeconds, discord.received().size(), discord.rateLimited(), lost,
                        duplicates);
                String table = "| run | writes done after | all delivered after | after the last change | Discord messages | 429s | lost "
                        + "| duplicates |\n|---|---:|---:|---:|---:|---:|---:|---:|\n" + report;
                System.out.println(table);
                Files.createDirectories(Path.of("infra/bench/target"));
                Files.writeString(Path.of("infra/bench/target/discord-delivery.md"), table);
            }
        }
    }
}
