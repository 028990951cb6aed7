package dev.orderchainer.bench;

import dev.orderchainer.discord.domain.Webhook;
import dev.orderchainer.discord.domain.WebhookEvent;
import dev.orderchainer.discord.domain.WebhookIds;
import dev.orderchainer.discord.domain.WebhookUrl;
import dev.orderchainer.discord.store.DynamoDbWebhookStore;
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
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * 1,000 order changes of one workspace with three webhooks (every kind each) through the whole local pipeline
 * (table stream, publisher, SQS FIFO, notifier into each webhook's outbox, paced senders) to a fake Discord that
 * allows 5 requests per 2 seconds per webhook, as Discord does. Reports per webhook the time until all arrived
 * after the last change, its messages, and lost and duplicated changes (digest lines counted as the changes they
 * name); and the 429s in all.
 * Usage: mvn -DskipTests -Pbench-discord package
 */
public final class DiscordDeliveryBenchmark {
    private static final int CHANGES = 1000;
    private static final String TOKEN = "Xy3kP9mQ2vL8nR4tW6zA1bC5dE7fG0hJ2kM4pN6qS8uV0xZ3aB5cD7eF9gH1iJ3kL5m";

    private DiscordDeliveryBenchmark() {}

    public static void main(String[] args) throws Exception {
        try (FakeDiscord discord = FakeDiscord.start(0)) {
            discord.limitRate(5, Duration.ofSeconds(2));
            List<String> discordIds = List.of("1187654321098765432", "1187654321098765433", "1187654321098765434");
            discordIds.forEach(id -> discord.registerWebhook(id, TOKEN));
            Map<String, Map<String, String>> overrides = new LinkedHashMap<>(
                    LocalOverrides.read(ProjectFiles.root().resolve(LocalOverrides.DEFAULTS)));
            overrides.put("DiscordSenderFunction", Map.of("DISCORD_API_BASE", discord.apiBase().toString()));
            try (LocalCloud cloud = LocalCloud.start(new LocalCloud.Options(ProjectFiles.template(), 0, 0, 0, null, overrides))) {
                var dynamoDb = cloud.services().dynamoDb();
                String userId = UUID.randomUUID().toString();
                DynamoDbWebhookStore webhooks = new DynamoDbWebhookStore(dynamoDb, "AppTable");
                for (String discordId : discordIds) {
                    webhooks.seed(new Webhook(userId, WebhookIds.next(), webhooks.list(userId).isEmpty(), "Hook " + discordId,
                            new WebhookUrl(discordId, TOKEN), "OrderChainer", null, null, EnumSet.allOf(WebhookEvent.class), null, null, true,
                            null, Instant.now(), Instant.now()));
                }
                OrderService orders = new OrderService(new DynamoDbOrderStore(dynamoDb, "AppTable"), Clock.systemUTC());

                long started = System.nanoTime();
                for (int i = 0; i < CHANGES; i++) {
                    orders.create(userId, new OrderRequests.Create("Order " + i, null, null, null, null));
                }
                long lastWrite = System.nanoTime();
                double writeSeconds = (lastWrite - started) / 1e9;
                long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                Map<String, Double> afterLast = new LinkedHashMap<>();
                while (System.nanoTime() < deadline && afterLast.size() < discordIds.size()) {
                    for (String discordId : discordIds) {
                        if (!afterLast.containsKey(discordId) && discord.announcements(discordId).size() >= CHANGES) {
                            afterLast.put(discordId, (System.nanoTime() - lastWrite) / 1e9);
                        }
                    }
                    Thread.sleep(50);
                }
                Thread.sleep(3000); // anything late would be a duplicate
                StringBuilder report = new StringBuilder();
                for (int n = 0; n < discordIds.size(); n++) {
                    String discordId = discordIds.get(n);
                    Set<String> unique = new HashSet<>();
                    int total = 0;
                    for (String announced : discord.announcements(discordId)) {
                        unique.add(announced);
                        total++;
                    }
                    long messages = discord.received().stream().filter(m -> m.webhookId().equals(discordId)).count();
                    report.append(String.format("| %d changes, webhook %d of 3, 5 requests / 2 s | %.1f s | %s | %d | %d | %d | %d |%n",
                            CHANGES, n + 1, writeSeconds,
                            afterLast.containsKey(discordId) ? String.format("%.1f s", afterLast.get(discordId)) : "not all",
                            messages, discord.rateLimited(), CHANGES - unique.size(), total - unique.size()));
                }
                String table = "| run | writes done after | all delivered after the last change | Discord messages | 429s (all webhooks) | lost "
                        + "| duplicates |\n|---|---:|---:|---:|---:|---:|---:|\n" + report;
                System.out.println(table);
                Files.createDirectories(Path.of("infra/bench/target"));
                Files.writeString(Path.of("infra/bench/target/discord-delivery.md"), table);
            }
        }
    }
}
