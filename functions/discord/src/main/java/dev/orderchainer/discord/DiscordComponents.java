package dev.orderchainer.discord;

import dev.orderchainer.common.aws.AwsClients;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.function.FunctionComponents;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.table.TableKeys;
import dev.orderchainer.discord.client.HttpDiscordWebhooks;
import dev.orderchainer.discord.domain.IntegrationNotFoundException;
import dev.orderchainer.discord.domain.IntegrationService;
import dev.orderchainer.discord.domain.IntegrationView;
import dev.orderchainer.discord.store.DynamoDbIntegrationStore;
import dev.orderchainer.discord.store.DynamoDbVerifiedEmails;
import dev.orderchainer.security.FunctionAuthentication;
import dev.orderchainer.security.WorkspaceGate;
import dev.orderchainer.workspaces.domain.Access;
import dev.orderchainer.workspaces.domain.WorkspaceNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the integration endpoints need: the service and the workspace gate (the bearer check with the caller's
 * membership). The same handlers serve {@code /api/discord…} (the personal workspace) and {@code /api/workspaces/{wid}/discord…}.
 */
final class DiscordComponents implements FunctionComponents {
    private final Env env;
    private final IntegrationService integrations;
    private static final String PRIMING_WORKSPACE = "ws_000000000000000000000000";
    private final FunctionAuthentication authentication;
    private final WorkspaceGate gate;

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
        this.gate = new WorkspaceGate(authentication, dynamoDb, table);
    }

    @Override
    public Env env() {
        return env;
    }

    IntegrationService integrations() {
        return integrations;
    }

    /** The caller's access to the path's workspace (the personal one without a wid), read from the table. */
    Access access(HttpRequest request) {
        return gate.access(request);
    }

    /** The token verified, the membership still to be read: writes check their body in between. */
    WorkspaceGate.Caller caller(HttpRequest request) {
        return gate.caller(request);
    }

    /**
     * GET of the integration in one round trip: it, the caller's membership and the session's revocation entry in
     * one consistent read; a revoked session or a non-member is refused before anything read is answered.
     */
    IntegrationView read(HttpRequest request) {
        WorkspaceGate.Entry entry = gate.enter(request, workspaceId -> List.of(TableKeys.discordIntegration(workspaceId)));
        String workspaceId = entry.access().workspaceId();
        return integrations.view(entry.access(),
                DynamoDbIntegrationStore.decode(workspaceId, entry.found().item(TableKeys.discordIntegration(workspaceId))));
    }

    /** Before a SnapStart snapshot: a token check, an integration read and one with the session check, changing nothing. */
    @Override
    public void prime() {
        authentication.prime();
        authentication.prime(request -> {
            try {
                read(request);
            } catch (IntegrationNotFoundException expected) {
                // No integration for the priming user: the read path ran.
            }
            try {
                read(request.withPathParameter(WorkspaceGate.WORKSPACE_PARAMETER, PRIMING_WORKSPACE));
            } catch (WorkspaceNotFoundException expected) {
                // Not a member of any workspace: the membership read ran.
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
}
