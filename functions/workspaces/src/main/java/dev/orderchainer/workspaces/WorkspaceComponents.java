package dev.orderchainer.workspaces;

import dev.orderchainer.auth.mail.Mailers;
import dev.orderchainer.auth.store.DynamoDbUserStore;
import dev.orderchainer.common.aws.AwsClients;
import dev.orderchainer.common.config.AppLink;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.function.FunctionComponents;
import dev.orderchainer.common.http.ApiProblem;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.observability.EmfMetrics;
import dev.orderchainer.common.table.TableKeys;
import dev.orderchainer.security.DynamoDbRateLimiter;
import dev.orderchainer.security.FunctionAuthentication;
import dev.orderchainer.security.RateLimiter;
import dev.orderchainer.security.SecurityEvents;
import dev.orderchainer.security.WorkspaceGate;
import dev.orderchainer.workspaces.domain.Access;
import dev.orderchainer.workspaces.domain.ActivityFeed;
import dev.orderchainer.workspaces.domain.InvitationMail;
import dev.orderchainer.workspaces.domain.InvitationQuota;
import dev.orderchainer.workspaces.domain.Invitations;
import dev.orderchainer.workspaces.domain.Workspace;
import dev.orderchainer.workspaces.domain.WorkspaceIds;
import dev.orderchainer.workspaces.domain.WorkspaceNotFoundException;
import dev.orderchainer.workspaces.domain.WorkspaceService;
import dev.orderchainer.workspaces.domain.WorkspaceView;
import dev.orderchainer.workspaces.store.DynamoDbActivityLog;
import dev.orderchainer.workspaces.store.DynamoDbWorkspaceStore;
import dev.orderchainer.workspaces.store.WorkspaceItems;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What every workspace endpoint needs: the workspace service, the bearer check and the workspace gate. */
final class WorkspaceComponents implements FunctionComponents {
    private static final String PRIMING_WORKSPACE = "ws_000000000000000000000000";
    /** The functions that list, revoke and accept send no mail. */
    private static final InvitationMail UNMAILED = (invitation, token, workspace, inviter) -> {
        throw new IllegalStateException("this function sends no invitations (no INVITATION_URL)");
    };
    private final Env env;
    private final WorkspaceService workspaces;
    private final FunctionAuthentication authentication;
    private final WorkspaceGate gate;
    private final Clock clock = Clock.systemUTC();
    private final DynamoDbClient dynamoDb;
    private final String table;

    WorkspaceComponents(Env env) {
        this.env = env;
        this.dynamoDb = new AwsClients(env).dynamoDb();
        this.table = env.required("TABLE_NAME");
        this.workspaces = new WorkspaceService(store(), accounts(), clock);
        this.authentication = new FunctionAuthentication(env, dynamoDb, table, clock);
        this.gate = new WorkspaceGate(authentication, dynamoDb, table);
    }

    @Override
    public Env env() {
        return env;
    }

    WorkspaceService workspaces() {
        return workspaces;
    }

    ActivityFeed activity() {
        return new ActivityFeed(new DynamoDbActivityLog(dynamoDb, table));
    }

    /** Only the invitation functions build this: the mailer and the link are theirs alone. */
    Invitations invitations() {
        int perHour = env.integer("INVITATION_RATE_LIMIT_PER_HOUR", InvitationQuota.PER_HOUR, 1, 1000);
        RateLimiter limiter = new DynamoDbRateLimiter(dynamoDb, table, clock, new SecurityEvents(EmfMetrics.fromEnvironment(env, "workspaces")));
        InvitationQuota quota = inviter -> limiter.acquire("invitation", inviter, perHour, Duration.ofHours(1));
        InvitationMail mail = env.string("INVITATION_URL", null) == null ? UNMAILED
                : new MailedInvitations(Mailers.fromEnvironment(env, clock),
                        AppLink.of(env.required("INVITATION_URL"), env, () -> dynamoDb)::resolved);
        return new Invitations(store(), accounts(), mail, quota, clock);
    }

    private DynamoDbWorkspaceStore store() {
        return new DynamoDbWorkspaceStore(dynamoDb, table);
    }

    private UserStoreAccounts accounts() {
        return new UserStoreAccounts(new DynamoDbUserStore(dynamoDb, table));
    }

    /** The caller, for the routes outside any one workspace. */
    String userId(HttpRequest request) {
        return authentication.userId(request);
    }

    /** The caller's access to the path's workspace, read from the table with the session check in one round trip. */
    Access access(HttpRequest request) {
        return gate.access(request);
    }

    /**
     * GET of one workspace in one round trip: the workspace's item (the account's, for the personal one) read with
     * the caller's membership and the session check.
     */
    WorkspaceView read(HttpRequest request) {
        WorkspaceGate.Entry entry = gate.enter(request, workspaceId -> List.of(workspaceKey(workspaceId)));
        Access access = entry.access();
        Map<String, AttributeValue> item = entry.found().item(workspaceKey(access.workspaceId()));
        if (item == null) {
            // A member item outliving its workspace for the moment of a delete: the workspace is gone.
            throw new WorkspaceNotFoundException(access.workspaceId());
        }
        Workspace workspace = access.personalWorkspace() ? Workspace.personal(UserStoreAccounts.account(DynamoDbUserStore.toUser(item)))
                : WorkspaceItems.workspace(item);
        return workspaces.view(access, workspace);
    }

    private static Map<String, AttributeValue> workspaceKey(String workspaceId) {
        return WorkspaceIds.isTeam(workspaceId) ? TableKeys.workspace(workspaceId) : TableKeys.profile(workspaceId);
    }

    /** The token verified, the membership still to be read: writes check their body in between. */
    WorkspaceGate.Caller caller(HttpRequest request) {
        return gate.caller(request);
    }

    static String memberId(HttpRequest request) {
        return request.pathParameter("user_id").orElseThrow(() -> ApiProblem.notFound("No member in the path"));
    }

    /** Before a SnapStart snapshot: a token check and a membership read of a workspace nobody has, changing nothing. */
    @Override
    public void prime() {
        authentication.prime();
        authentication.prime(request -> {
            try {
                read(request.withPathParameter(WorkspaceGate.WORKSPACE_PARAMETER, PRIMING_WORKSPACE));
            } catch (WorkspaceNotFoundException expected) {
                // Not a member: the membership read ran.
            }
        });
    }
}
