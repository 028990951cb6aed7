package dev.orderchainer.discord;

import static dev.orderchainer.local.JsonText.json;
import static dev.orderchainer.local.JsonText.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orderchainer.local.ApiGatewayV2Event;
import dev.orderchainer.local.FakeDiscord;
import dev.orderchainer.local.HttpInvocation;
import dev.orderchainer.local.LocalLambdaContext;
import dev.orderchainer.local.LocalServices;
import dev.orderchainer.security.AccessTokens;
import dev.orderchainer.security.DynamoDbRevocationList;
import dev.orderchainer.security.SigningKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The integration endpoints, configured by template.yaml, against DynamoDB Local and a fake Discord. */
class DiscordIntegrationEndpointsTest {
    private static final String TOKEN = "Xy3kP9mQ2vL8nR4tW6zA1bC5dE7fG0hJ2kM4pN6qS8uV0xZ3aB5cD7eF9gH1iJ3kL5m";
    private static final LocalServices LOCAL = LocalServices.shared();
    private static FakeDiscord discord;
    private static Map<String, RequestStreamHandler> handlers;
    private static AccessTokens tokens;

    @BeforeAll
    static void start() {
        discord = FakeDiscord.start(0);
        handlers = new HashMap<>();
        handlers.put("POST /api/discord", new CreateDiscordIntegrationHandler(env("CreateDiscordIntegrationFunction")));
        handlers.put("GET /api/discord", new GetDiscordIntegrationHandler(env("GetDiscordIntegrationFunction")));
        handlers.put("PUT /api/discord", new UpdateDiscordIntegrationHandler(env("UpdateDiscordIntegrationFunction")));
        handlers.put("DELETE /api/discord", new DeleteDiscordIntegrationHandler(env("DeleteDiscordIntegrationFunction")));
        handlers.put("POST /api/discord/test", new TestDiscordIntegrationHandler(env("TestDiscordIntegrationFunction")));
        tokens = new AccessTokens(SigningKeys.parse(LocalServices.shared().signingKeysJson(), "local"),
                "orderchainer", "orderchainer-api", Duration.ofMinutes(30), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        discord.close();
    }

    private static Map<String, String> env(String function) {
        Map<String, String> env = new HashMap<>(LOCAL.environmentOf(function));
        env.put("DISCORD_API_BASE", discord.apiBase().toString());
        env.put("DISCORD_WEBHOOK_TIMEOUT", "2");
        return env;
    }

    /** A user with a verified (or not) email and a token. */
    private static String user(boolean verified) {
        String id = UUID.randomUUID().toString();
        LOCAL.dynamoDb().putItem(r -> r.tableName("AppTable").item(Map.of("pk", AttributeValue.fromS("USER#" + id),
                "sk", AttributeValue.fromS("PROFILE"), "email_verified", AttributeValue.fromBool(verified))));
        return tokens.issue(id, UUID.randomUUID().toString()).token();
    }

    private static HttpInvocation.Response call(String token, String method, String path, String json) {
        ApiGatewayV2Event event = ApiGatewayV2Event.request(method, path).header("authorization", "Bearer " + token);
        if (json != null) {
            event.jsonBody(json);
        }
        return HttpInvocation.invoke(handlers.get(method + " " + path), event, new LocalLambdaContext("discord", 1024, 10));
    }

    private static String webhook() {
        String id = Long.toString(1_100_000_000_000_000_000L + (long) (Math.random() * 1e17));
        discord.registerWebhook(id, TOKEN);
        return "https://discord.com/api/webhooks/" + id + "/" + TOKEN;
    }

    @Test
    void connectReadChangeTestAndRemove() {
        String token = user(true);
        String url = webhook();
        HttpInvocation.Response created = call(token, "POST", "/api/discord",
                json("webhook_url", url, "username", "Order bot", "notifications", object("order_updated", false)));
        assertEquals(201, created.status(), created.bodyText());
        assertFalse(created.bodyText().contains(TOKEN), "the token is never returned");
        JsonNode integration = created.json();
        assertTrue(integration.path("webhook_url").asText().endsWith("/****kL5m"));
        assertEquals("Order bot", integration.path("username").asText());
        assertFalse(integration.path("notifications").path("order_updated").asBoolean());
        assertTrue(integration.path("notifications").path("order_completed").asBoolean());
        assertTrue(integration.path("enabled").asBoolean());

        assertEquals(409, call(token, "POST", "/api/discord", json("webhook_url", url)).status());
        HttpInvocation.Response read = call(token, "GET", "/api/discord", null);
        assertEquals(integration, read.json());

        HttpInvocation.Response changed = call(token, "PUT", "/api/discord",
                "{\"notifications\":{\"order_updated\":true},\"avatar_url\":\"https://example.org/a.png\"}");
        assertEquals(200, changed.status(), changed.bodyText());
        assertTrue(changed.json().path("notifications").path("order_updated").asBoolean());
        assertEquals("Order bot", changed.json().path("username").asText(), "absent fields are kept");

        int before = discord.received().size();
        HttpInvocation.Response tested = call(token, "POST", "/api/discord/test", null);
        assertEquals(200, tested.status(), tested.bodyText());
        assertTrue(tested.json().path("delivered").asBoolean());
        JsonNode message = discord.received().get(before).body();
        assertEquals("Order bot", message.path("username").asText());
        assertEquals("https://example.org/a.png", message.path("avatar_url").asText());
        assertTrue(message.path("allowed_mentions").path("parse").isArray() && message.path("allowed_mentions").path("parse").isEmpty());
        assertEquals("OrderChainer is connected", message.path("embeds").path(0).path("title").asText());

        assertEquals(204, call(token, "DELETE", "/api/discord", null).status());
        assertEquals(404, call(token, "GET", "/api/discord", null).status());
        assertEquals(404, call(token, "DELETE", "/api/discord", null).status());
    }

    @Test
    void aWebhookDiscordDoesNotKnowIs422AndNothingIsStored() {
        String token = user(true);
        HttpInvocation.Response response = call(token, "POST", "/api/discord",
                json("webhook_url", "https://discord.com/api/webhooks/1187654321098765000/" + TOKEN));
        assertEquals(422, response.status(), response.bodyText());
        assertEquals(404, call(token, "GET", "/api/discord", null).status());
    }

    @Test
    void unverifiedAccountsCannotConnect() {
        HttpInvocation.Response response = call(user(false), "POST", "/api/discord", json("webhook_url", webhook()));
        assertEquals(403, response.status());
    }

    @Test
    void badOptionsAre400() {
        String token = user(true);
        String url = webhook();
        for (String[] c : new String[][] {
            {json("webhook_url", url, "username", "My Discord bot"), "must not contain"},
            {json("webhook_url", url, "username", "clyde"), "must not contain"},
            {json("webhook_url", url, "username", "x".repeat(81)), "at most 80"},
            {json("webhook_url", url, "username", "\u200b"), "must not be blank"},
            {json("webhook_url", url, "username", "bot\uffff"), "noncharacter"},
            {json("webhook_url", url, "avatar_url", "http://example.org/a.png"), "https URL"},
            {"{\"webhook_url\":\"http://127.0.0.1:9/api/webhooks/1/2\"}", "must use https"},
            {json("webhook_url", url, "notifications", object("order_deleted", true)), "Unknown field"},
        }) {
            HttpInvocation.Response response = call(token, "POST", "/api/discord", c[0]);
            assertEquals(400, response.status(), c[0]);
            assertTrue(response.json().path("detail").asText().contains(c[1]), response.json().path("detail").asText());
        }
        assertEquals(404, call(token, "GET", "/api/discord", null).status(), "nothing stored");
    }

    @Test
    void whenDiscordSaysTheWebhookIsGoneTheIntegrationIsDisabledWithAReason() {
        String token = user(true);
        assertEquals(201, call(token, "POST", "/api/discord", json("webhook_url", webhook())).status());
        discord.script(new FakeDiscord.Scripted(404, "{\"message\":\"Unknown Webhook\",\"code\":10015}", Map.of()));
        HttpInvocation.Response tested = call(token, "POST", "/api/discord/test", null);
        assertEquals(502, tested.status());
        assertEquals(404, tested.json().path("discord_status").asInt());
        JsonNode integration = call(token, "GET", "/api/discord", null).json();
        assertFalse(integration.path("enabled").asBoolean());
        assertTrue(integration.path("disabled_reason").asText().contains("no longer exists"));
        assertEquals(409, call(token, "POST", "/api/discord/test", null).status(), "a disabled integration is not used");
        HttpInvocation.Response fixed = call(token, "PUT", "/api/discord", json("webhook_url", webhook()));
        assertTrue(fixed.json().path("enabled").asBoolean(), "a new webhook enables it again");
    }

    @Test
    void theSameWebhookGivenAgainWhileDisabledIsCheckedWithDiscordAndReEnabledKeepingEverySetting() {
        String token = user(true);
        String url = webhook();
        String id = url.split("/")[5];
        assertEquals(201, call(token, "POST", "/api/discord",
                json("webhook_url", url, "username", "Order bot", "notifications", object("order_updated", false))).status());
        discord.forgetWebhook(id);
        assertEquals(502, call(token, "POST", "/api/discord/test", null).status());
        assertFalse(call(token, "GET", "/api/discord", null).json().path("enabled").asBoolean());

        HttpInvocation.Response stillGone = call(token, "PUT", "/api/discord", json("webhook_url", url));
        assertEquals(422, stillGone.status(), "Discord was asked and still does not know the webhook: " + stillGone.bodyText());
        assertFalse(call(token, "GET", "/api/discord", null).json().path("enabled").asBoolean(), "nothing changed");

        discord.registerWebhook(id, TOKEN);
        HttpInvocation.Response back = call(token, "PUT", "/api/discord", json("webhook_url", url));
        assertEquals(200, back.status(), back.bodyText());
        JsonNode integration = call(token, "GET", "/api/discord", null).json();
        assertTrue(integration.path("enabled").asBoolean(), integration.toString());
        assertTrue(integration.path("disabled_reason").isMissingNode() || integration.path("disabled_reason").isNull(), integration.toString());
        assertEquals("Order bot", integration.path("username").asText());
        assertFalse(integration.path("notifications").path("order_updated").asBoolean(), "settings kept");
        assertEquals(200, call(token, "POST", "/api/discord/test", null).status());
    }

    @Test
    void discordErrorsAndOutagesAre502WithDiscordsAnswer() {
        String token = user(true);
        assertEquals(201, call(token, "POST", "/api/discord", json("webhook_url", webhook())).status());
        discord.script(new FakeDiscord.Scripted(500, "{\"message\":\"Internal Server Error\"}", Map.of()));
        HttpInvocation.Response failed = call(token, "POST", "/api/discord/test", null);
        assertEquals(502, failed.status());
        assertEquals(500, failed.json().path("discord_status").asInt());
        assertTrue(call(token, "GET", "/api/discord", null).json().path("enabled").asBoolean(), "a 5xx does not disable");
    }

    @Test
    void otherUsersSeeNothing() {
        String owner = user(true);
        assertEquals(201, call(owner, "POST", "/api/discord", json("webhook_url", webhook())).status());
        String other = user(true);
        assertEquals(404, call(other, "GET", "/api/discord", null).status());
        assertEquals(404, call(other, "POST", "/api/discord/test", null).status());
        assertEquals(401, HttpInvocation.invoke(handlers.get("GET /api/discord"), ApiGatewayV2Event.request("GET", "/api/discord"),
                new LocalLambdaContext("discord", 1024, 10)).status());
    }

    @Test
    void aRevokedSessionReadsNothingNotEvenWhetherAnIntegrationExists() throws Exception {
        String connected = user(true);
        assertEquals(201, call(connected, "POST", "/api/discord", json("webhook_url", webhook())).status());
        String otherDevice = tokens.issue(tokens.verify(connected).userId(), UUID.randomUUID().toString()).token();
        String without = user(true);
        for (String token : List.of(connected, without)) {
            new DynamoDbRevocationList(LOCAL.dynamoDb(), "AppTable").revoke(tokens.verify(token).sessionId(),
                    Instant.now().plus(Duration.ofHours(1)));
            HttpInvocation.Response read = call(token, "GET", "/api/discord", null);
            assertEquals(401, read.status(), read.bodyText());
            assertEquals("Bearer error=\"invalid_token\"", read.header("www-authenticate"));
        }
        assertEquals(200, call(otherDevice, "GET", "/api/discord", null).status(), "the user's other session still reads it");
    }
}
