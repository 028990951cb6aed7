package dev.orderchainer.discord;

import dev.orderchainer.common.aws.AwsClients;
import dev.orderchainer.common.config.AppLink;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.function.FunctionComponents;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.table.TableKeys;
import dev.orderchainer.delivery.domain.ChangeMessages;
import dev.orderchainer.delivery.domain.EmbedRenderer;
import dev.orderchainer.delivery.domain.TemplatedEmbedRenderer;
import dev.orderchainer.delivery.domain.WebhookPreviews;
import dev.orderchainer.delivery.domain.WorkspaceNames;
import dev.orderchainer.discord.client.HttpDiscordWebhooks;
import dev.orderchainer.discord.domain.IntegrationNotFoundException;
import dev.orderchainer.discord.domain.WebhookIds;
import dev.orderchainer.discord.domain.WebhookService;
import dev.orderchainer.discord.domain.WebhookView;
import dev.orderchainer.discord.store.DynamoDbVerifiedEmails;
import dev.orderchainer.discord.store.DynamoDbWebhookStore;
import dev.orderchainer.orders.domain.Assignees;
import dev.orderchainer.orders.domain.OrderService;
import dev.orderchainer.orders.store.DynamoDbOrderStore;
import dev.orderchainer.security.FunctionAuthentication;
import dev.orderchainer.security.WorkspaceGate;
import dev.orderchainer.workspaces.domain.Access;
import dev.orderchainer.workspaces.domain.WorkspaceNotFoundException;
import dev.orderchainer.workspaces.store.DynamoDbUsernames;
import dev.orderchainer.workspaces.store.DynamoDbWorkspaceStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the webhook endpoints need: the service, the preview and the workspace gate (the bearer check with the caller's
 * membership). The same handlers serve {@code /api/discord…} (the personal workspace's first webhook),
 * {@code /api/workspaces/{wid}/discord…} (a workspace's first) and {@code …/discord/webhooks/{hid}…} (any one).
 */
final class DiscordComponents implements FunctionComponents {
    /** The path parameter naming one webhook; without it, the workspace's first. */
    static final String WEBHOOK_PARAMETER = "hid";
    private static final String PRIMING_WORKSPACE = "ws_000000000000000000000000";
    private final Env env;
    private final WebhookService webhooks;
    private final FunctionAuthentication authentication;
    private final WorkspaceGate gate;
    private final Supplier<WebhookPreviews> previews;
    private WebhookPreviews builtPreviews;

    DiscordComponents(Env env) {
        this.env = env;
        Clock clock = Clock.systemUTC();
        DynamoDbClient dynamoDb = new AwsClients(env).dynamoDb();
        String table = env.required("TABLE_NAME");
        HttpDiscordWebhooks discord = new HttpDiscordWebhooks(env.string("DISCORD_API_BASE", HttpDiscordWebhooks.DEFAULT_API_BASE),
                Duration.ofSeconds(env.integer("DISCORD_WEBHOOK_TIMEOUT", 5, 1, 30)));
        DynamoDbWorkspaceStore workspaces = new DynamoDbWorkspaceStore(dynamoDb, table);
        this.webhooks = new WebhookService(new DynamoDbWebhookStore(dynamoDb, table), new DynamoDbVerifiedEmails(dynamoDb, table), discord,
                Assignees.of(workspaces), WebhookIds::next, clock);
        this.authentication = new FunctionAuthentication(env, dynamoDb, table, clock);
        this.gate = new WorkspaceGate(authentication, dynamoDb, table);
        this.previews = () -> {
            Supplier<String> orderUrl = AppLink.of(env.string("ORDER_URL_TEMPLATE", ""), env, () -> dynamoDb)::resolved;
            DynamoDbUsernames usernames = new DynamoDbUsernames(dynamoDb, table);
            return new WebhookPreviews(webhooks, new OrderService(new DynamoDbOrderStore(dynamoDb, table), clock, Assignees.of(workspaces)),
                    new ChangeMessages(new EmbedRenderer(orderUrl), new TemplatedEmbedRenderer(orderUrl)), WorkspaceNames.of(workspaces),
                    userId -> usernames.of(Set.of(userId)).get(userId), clock);
        };
    }

    @Override
    public Env env() {
        return env;
    }

    WebhookService webhooks() {
        return webhooks;
    }

    /** Built on the preview function's first request only: the other functions never need the order store. */
    WebhookPreviews previews() {
        if (builtPreviews == null) {
            builtPreviews = previews.get();
        }
        return builtPreviews;
    }

    /** The webhook the path names, or null for the workspace's first. */
    static String webhookId(HttpRequest request) {
        return request.pathParameter(WEBHOOK_PARAMETER).orElse(null);
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
     * GET of a webhook in one round trip: it, the caller's membership and the session's revocation entry in one
     * consistent read; a revoked session or a non-member is refused before anything read is answered.
     */
    WebhookView read(HttpRequest request) {
        String webhookId = webhookId(request);
        if (webhookId == null) {
            WorkspaceGate.Entry entry = gate.enter(request, workspaceId -> List.of(TableKeys.discordFirstWebhook(workspaceId)));
            String workspaceId = entry.access().workspaceId();
            return webhooks.first(entry.access(),
                    DynamoDbWebhookStore.decode(workspaceId, entry.found().item(TableKeys.discordFirstWebhook(workspaceId))));
        }
        if (!WebhookIds.isWebhookId(webhookId)) {
            return webhooks.get(gate.access(request), webhookId);
        }
        WorkspaceGate.Entry entry = gate.enter(request, workspaceId -> DynamoDbWebhookStore.keys(workspaceId, webhookId));
        String workspaceId = entry.access().workspaceId();
        return webhooks.view(entry.access(), webhookId, DynamoDbWebhookStore.find(workspaceId, webhookId, entry.found()));
    }

    /** Before a SnapStart snapshot: a token check, webhook reads with the session check and a list, changing nothing. */
    @Override
    public void prime() {
        authentication.prime();
        authentication.prime(request -> {
            ignoreNotFound(() -> read(request));
            ignoreNotFound(() -> read(request.withPathParameter(WorkspaceGate.WORKSPACE_PARAMETER, PRIMING_WORKSPACE)));
            ignoreNotFound(() -> read(request.withPathParameter(WEBHOOK_PARAMETER, TableKeys.ORIGINAL_WEBHOOK_ID)));
        });
        ignoreNotFound(() -> webhooks.existing("priming", TableKeys.ORIGINAL_WEBHOOK_ID));
    }

    private static void ignoreNotFound(Runnable read) {
        try {
            read.run();
        } catch (IntegrationNotFoundException | WorkspaceNotFoundException expected) {
            // Nothing for the priming user: the read path ran.
        }
    }
}
