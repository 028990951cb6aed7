package dev.orderchainer.discord;

import dev.orderchainer.common.aws.AwsClients;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.function.FunctionComponents;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.table.GuardedRead;
import dev.orderchainer.discord.client.HttpDiscordWebhooks;
import dev.orderchainer.discord.domain.Integration;
import dev.orderchainer.discord.domain.IntegrationNotFoundException;
import dev.orderchainer.discord.domain.IntegrationService;
import dev.orderchainer.discord.domain.IntegrationView;
import dev.orderchainer.discord.store.DynamoDbIntegrationStore;
import dev.orderchainer.discord.store.DynamoDbVerifiedEmails;
import dev.orderchainer.security.FunctionAuthentication;
import dev.orderchainer.security.PendingSession;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What the integration endpoints need: the service and the bearer check. */
final class DiscordComponents implements FunctionComponents {
    private final Env env;
    private final DynamoDbIntegrationStore store;
    private final IntegrationService integrations;
    private final FunctionAuthentication authentication;

    DiscordComponents(Env env) {
        this.env = env;
        Clock clock = Clock.systemUTC();
        DynamoDbClient dynamoDb = new AwsClients(env).dynamoDb();
        String table = env.required("TABLE_NAME");
        HttpDiscordWebhooks webhooks = new HttpDiscordWebhooks(env.string("DISCORD_API_BASE", HttpDiscordWebhooks.DEFAULT_API_BASE),
                Duration.ofSeconds(env.integer("DISCORD_WEBHOOK_TIMEOUT", 5, 1, 30)));
        this.store = new DynamoDbIntegrationStore(dynamoDb, table);
        this.integrations = new IntegrationService(store,
                new DynamoDbVerifiedEmails(dynamoDb, table), webhooks, clock);
        this.authentication = new FunctionAuthentication(env, dynamoDb, table, clock);
    }

    @Override
    public Env env() {
        return env;
    }

    IntegrationService integrations() {
        return integrations;
    }

    /**
     * GET of the integration in one round trip: it and the session's revocation entry in one consistent
     * read; a revoked session is refused before anything read is answered (or found missing).
     */
    IntegrationView read(PendingSession session) {
        GuardedRead<Optional<Integration>> read = store.getGuarded(session.userId(), session.revocationKey());
        session.admit(read.guardExists());
        return integrations.view(read.item());
    }

    /** Before a SnapStart snapshot: a token check, an integration read and one with the session check, changing nothing. */
    @Override
    public void prime() {
        authentication.prime();
        authentication.prime(request -> {
            try {
                read(pending(request));
            } catch (IntegrationNotFoundException expected) {
                // No integration for the priming user: the read path ran.
            }
        });
        try {
            integrations.get("priming");
        } catch (IntegrationNotFoundException expected) {
            // No integration for the priming user: the read path ran.
        }
    }

    /** A verified token whose session {@link #read} checks in the same round trip as the integration. */
    PendingSession pending(HttpRequest request) {
        return authentication.pending(request);
    }

    String userId(HttpRequest request) {
        return authentication.userId(request);
    }
}
