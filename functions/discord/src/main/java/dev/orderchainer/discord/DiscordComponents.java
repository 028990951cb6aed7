package dev.orderchainer.discord;

import dev.orderchainer.common.aws.AwsClients;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.observability.EmfMetrics;
import dev.orderchainer.discord.client.HttpDiscordWebhooks;
import dev.orderchainer.discord.domain.IntegrationService;
import dev.orderchainer.discord.store.DynamoDbIntegrationStore;
import dev.orderchainer.discord.store.DynamoDbVerifiedEmails;
import dev.orderchainer.security.AccessTokens;
import dev.orderchainer.security.BearerAuthenticator;
import dev.orderchainer.security.DynamoDbRevocationList;
import dev.orderchainer.security.SecurityEvents;
import dev.orderchainer.security.SigningKey;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What the integration endpoints need: the service and the bearer check. */
final class DiscordComponents {
    private final Env env;
    private final IntegrationService integrations;
    private final BearerAuthenticator authenticator;
    private final AccessTokens tokens;

    DiscordComponents(Env env) {
        this.env = env;
        Clock clock = Clock.systemUTC();
        DynamoDbClient dynamoDb = new AwsClients(env).dynamoDb();
        String table = env.required("TABLE_NAME");
        HttpDiscordWebhooks webhooks = new HttpDiscordWebhooks(env.string("DISCORD_API_BASE", HttpDiscordWebhooks.DEFAULT_API_BASE),
                Duration.ofSeconds(env.integer("DISCORD_WEBHOOK_TIMEOUT", 5, 1, 30)));
        this.integrations = new IntegrationService(new DynamoDbIntegrationStore(dynamoDb, table),
                new DynamoDbVerifiedEmails(dynamoDb, table), webhooks, clock);
        this.tokens = new AccessTokens(SigningKey.fromSetting(env.optional("SECRET_KEY").orElse(null)),
                "orderchainer", "orderchainer-api", Duration.ofMinutes(30), clock);
        SecurityEvents events = new SecurityEvents(EmfMetrics.toLog(env.string("POWERTOOLS_METRICS_NAMESPACE", "OrderChainer"),
                env.string("POWERTOOLS_SERVICE_NAME", "discord")));
        this.authenticator = new BearerAuthenticator(tokens, new DynamoDbRevocationList(dynamoDb, table), events);
    }

    Env env() {
        return env;
    }

    IntegrationService integrations() {
        return integrations;
    }

    /** Before a SnapStart snapshot: a token check and an integration read, changing nothing. */
    void prime() {
        String token = tokens.issue("priming", "priming").token();
        authenticator.authenticate(new HttpRequest("GET", "/api/discord", "GET /api/discord", java.util.Map.of("authorization", "Bearer " + token),
                java.util.Map.of(), java.util.Map.of(), null, "priming", "127.0.0.1"));
        org.slf4j.MDC.remove(dev.orderchainer.common.http.ApiHandler.USER_ID);
        try {
            integrations.get("priming");
        } catch (dev.orderchainer.common.http.ApiProblem expected) {
            // No integration for the priming user: the read path ran.
        }
    }

    String userId(HttpRequest request) {
        return authenticator.authenticate(request).userId();
    }
}
