package dev.orderchainer.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderchainer.discord.domain.Webhook;
import dev.orderchainer.discord.domain.WebhookEvent;
import dev.orderchainer.discord.domain.WebhookIds;
import dev.orderchainer.discord.domain.WebhookUrl;
import dev.orderchainer.discord.store.DynamoDbWebhookStore;
import dev.orderchainer.security.AccessTokens;
import dev.orderchainer.security.FunctionAuthentication;
import dev.orderchainer.security.SigningKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What the system tests need from a running local cloud: tokens, webhook URLs, verification links. */
public final class LocalCloudFixtures {
    /** The token part of every test webhook; Discord's rules for it are all met. */
    public static final String WEBHOOK_TOKEN = "Xy3kP9mQ2vL8nR4tW6zA1bC5dE7fG0hJ2kM4pN6qS8uV0xZ3aB5cD7eF9gH1iJ3kL5m";
    private static final Pattern LINK_TOKEN = Pattern.compile("verify-email\\?token=([A-Za-z0-9_-]+)");
    private static final Pattern INVITATION_TOKEN = Pattern.compile("/invitations/accept\\?token=([A-Za-z0-9_.-]+)");

    private LocalCloudFixtures() {}

    /** A 10-minute access token for {@code userId}, signed with the cloud's own key. */
    public static String accessToken(LocalCloud cloud, String userId) {
        return new AccessTokens(SigningKeys.parse(cloud.services().signingKeysJson(), "local"),
                FunctionAuthentication.ISSUER,
                FunctionAuthentication.AUDIENCE, Duration.ofMinutes(10), Clock.systemUTC()).issue(userId, "session").token();
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** An authenticated JSON call that must succeed (2xx); its answer's JSON. */
    public static JsonNode call(LocalCloud cloud, String access, String method, String path, String json)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(cloud.baseUrl() + path))
                .header("authorization", "Bearer " + access);
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("content-type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Assertions.assertTrue(response.statusCode() < 300,
                method + " " + path + " -> " + response.statusCode() + " " + response.body());
        return JSON.readTree(response.body());
    }

    /** Every embed the cloud's Discord sink received for one webhook, in order. */
    /** A workspace's webhook seeded straight into the table (as the API would after Discord confirmed it): every kind, no template. */
    public static Webhook seedWebhook(DynamoDbClient dynamoDb, String workspaceId, String discordWebhookId, String token, String username) {
        Instant now = Instant.now();
        DynamoDbWebhookStore store = new DynamoDbWebhookStore(dynamoDb, "AppTable");
        Webhook webhook = new Webhook(workspaceId, WebhookIds.next(), store.list(workspaceId).isEmpty(), "Orders",
                new WebhookUrl(discordWebhookId, token), username, null, null, EnumSet.allOf(WebhookEvent.class), null, null, true, null, now, now);
        store.seed(webhook);
        return webhook;
    }

    public static List<JsonNode> embeds(LocalCloud cloud, String webhookId) {
        List<JsonNode> embeds = new ArrayList<>();
        cloud.discordSink().received().stream().filter(m -> m.webhookId().equals(webhookId))
                .forEach(m -> m.body().path("embeds").forEach(embeds::add));
        return embeds;
    }

    /** What the cloud's Discord sink announced to one webhook, in order, digest lines expanded ("Headline: Title"). */
    public static List<String> announcements(LocalCloud cloud, String webhookId) {
        return cloud.discordSink().announcements(webhookId);
    }

    /** A fresh webhook id: Discord's are 17 to 20 digits (a random number can have fewer, so it is padded). */
    public static String webhookId(String prefix) {
        return prefix + String.format("%017d", ThreadLocalRandom.current().nextLong(100_000_000_000_000_000L));
    }

    public static String webhookUrl(String webhookId) {
        return "https://discord.com/api/webhooks/" + webhookId + "/" + WEBHOOK_TOKEN;
    }

    /** The token of the verification link the local cloud mailed to {@code email} (mail goes to .local/mail). */
    public static String verificationToken(String email) {
        return tokenMailedTo(email, LINK_TOKEN, "verification");
    }

    /** The token of the newest invitation mailed to {@code email}. */
    public static String invitationToken(String email) {
        return tokenMailedTo(email, INVITATION_TOKEN, "invitation");
    }

    private static String tokenMailedTo(String email, Pattern link, String kind) {
        try (Stream<Path> mails = Files.list(Path.of(".local/mail"))) {
            // Named by the time they were written: the newest last.
            for (Path mail : mails.sorted(Comparator.reverseOrder()).toList()) {
                String text = Files.readString(mail);
                Matcher token = link.matcher(text);
                if (text.contains("To: " + email + "\r\n") && token.find()) {
                    return token.group(1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no " + kind + " mail to " + email);
    }
}
