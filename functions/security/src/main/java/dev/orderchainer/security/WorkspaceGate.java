package dev.orderchainer.security;

import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.table.ConsistentBatchGet;
import dev.orderchainer.common.table.TableKeys;
import dev.orderchainer.workspaces.domain.Access;
import dev.orderchainer.workspaces.domain.WorkspaceIds;
import dev.orderchainer.workspaces.domain.WorkspaceNotFoundException;
import dev.orderchainer.workspaces.store.WorkspaceItems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Who may enter which workspace, decided from the table on every request (never from the token): the
 * session's revocation entry, the caller's member item and whatever item the request reads, in one
 * consistent round trip. The workspace is the path's {@code wid}; without one (the {@code /api/orders…}
 * and {@code /api/discord…} routes) it is the caller's personal workspace, whose id is the caller's.
 * A non-member learns nothing: the same 404 as for a workspace that does not exist.
 */
public final class WorkspaceGate {
    public static final String WORKSPACE_PARAMETER = "wid";
    private final FunctionAuthentication authentication;
    private final DynamoDbClient dynamoDb;
    private final String table;

    public WorkspaceGate(FunctionAuthentication authentication, DynamoDbClient dynamoDb, String table) {
        this.authentication = authentication;
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** The caller's access, with the items under {@code keysOf(workspace id)} read in the same round trip. */
    public record Entry(Access access, ConsistentBatchGet.FoundItems found) {}

    /** The caller's access to the request's workspace (its session checked), nothing else read. */
    public Access access(HttpRequest request) {
        return caller(request).access();
    }

    /** The caller's access with the items under {@code keysOf(workspace id)} read in the same round trip. */
    public Entry enter(HttpRequest request, Function<String, List<Map<String, AttributeValue>>> keysOf) {
        return caller(request).enter(keysOf);
    }

    /**
     * The token verified (401 if it is not valid), nothing read yet: a handler may check its body in between, so a
     * malformed body gets its 4xx whatever workspace it names.
     */
    public Caller caller(HttpRequest request) {
        return new Caller(authentication.pending(request), request);
    }

    /** A verified token on its way into the request's workspace. */
    public final class Caller {
        private final PendingSession session;
        private final HttpRequest request;

        private Caller(PendingSession session, HttpRequest request) {
            this.session = session;
            this.request = request;
        }

        public Access access() {
            return enter(workspaceId -> List.of()).access();
        }

        /** @throws WorkspaceNotFoundException for a workspace the caller is not (or no longer) a member of */
        public Entry enter(Function<String, List<Map<String, AttributeValue>>> keysOf) {
            String userId = session.userId();
            String workspaceId = request.pathParameter(WORKSPACE_PARAMETER).orElse(userId);
            boolean personal = workspaceId.equals(userId);
            if (!personal && !WorkspaceIds.isTeam(workspaceId)) {
                // No workspace has such an id (and it must not become a key): the session alone, then 404.
                session.admit();
                throw new WorkspaceNotFoundException(workspaceId);
            }
            List<Map<String, AttributeValue>> own = keysOf.apply(workspaceId);
            if (personal && own.isEmpty()) {
                session.admit();
                return new Entry(Access.personal(userId), ConsistentBatchGet.together(dynamoDb, table, List.of()));
            }
            List<Map<String, AttributeValue>> keys = new ArrayList<>(own);
            keys.add(session.revocationKey());
            Map<String, AttributeValue> memberKey = TableKeys.member(workspaceId, userId);
            if (!personal) {
                keys.add(memberKey);
            }
            ConsistentBatchGet.FoundItems found = ConsistentBatchGet.together(dynamoDb, table, keys);
            session.admit(found.exists(session.revocationKey()));
            if (personal) {
                return new Entry(Access.personal(userId), found);
            }
            Map<String, AttributeValue> member = found.item(memberKey);
            if (member == null) {
                throw new WorkspaceNotFoundException(workspaceId);
            }
            return new Entry(new Access(workspaceId, userId, WorkspaceItems.member(member).role()), found);
        }
    }
}
