package dev.orderchainer.discord;

import dev.orderchainer.common.aws.AwsClients;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.discord.client.HttpDiscordWebhooks;
import dev.orderchainer.discord.domain.IntegrationNotFoundException;
import dev.orderchainer.discord.domain.IntegrationService;
import dev.orderchainer.discord.store.DynamoDbIntegrationStore;
import dev.orderchainer.discord.store.DynamoDbVerifiedEmails;
import dev.orderchainer.security.FunctionAuthentication;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What the integration endpoints need: the service and the bearer check. */
final class DiscordComponents {
    private final Env env;
    private final IntegrationService integrations;
    private final FunctionAuthentication authentication;

    DiscordComponents(Env env) {
        this.env = env;
        Clock clock = Clock.systemUTC();
        DynamoDbClient dynamoDb = new AwsClients(env).dynamoDb();
        String table = env.required("TABLE_NAME");
        HttpDiscordWebhooks webhooks = new HttpDiscordWebhooks(env.string("DISCORD_API_BASE", HttpDiscordWebhooks.DEFAULT_API_BASE),
                Duration.ofSeconds(env.integer("DISCORD_WEBHOOK_TIMEOUT", 5, 1, 30)));
        this.integrations = new IntegrationService(new DynamoDbIntegrationStore(dynamoDb, table),
                new DynamoDbVerifiedEmails(dynamoDb, table), webhooks, clock);
        this.authentication = new FunctionAuthentication(env, dynamoDb, table, clock);
    }

    Env env() {
        return env;
    }

    IntegrationService integrations() {
        return integrations;
    }

    /** Before a SnapStart snapshot: a token check and an integration read, changing nothing. */
    void prime() {
        authentication.prime();
        try {
            integrations.get("priming");
        } catch (IntegrationNotFoundException expected) {
            // No integration for the priming user: the read path ran.
        }
    }

    String userId(HttpRequest request) {
        return authentication.userId(request);
    }
}
