package dev.orderchainer.orders;

import dev.orderchainer.common.aws.AwsClients;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.function.FunctionComponents;
import dev.orderchainer.common.http.ApiProblem;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.table.TableKeys;
import dev.orderchainer.orders.domain.Assignees;
import dev.orderchainer.orders.domain.OrderIds;
import dev.orderchainer.orders.domain.OrderNotFoundException;
import dev.orderchainer.orders.domain.OrderService;
import dev.orderchainer.orders.domain.OrderView;
import dev.orderchainer.orders.store.DynamoDbOrderStore;
import dev.orderchainer.orders.store.OrderItem;
import dev.orderchainer.security.FunctionAuthentication;
import dev.orderchainer.security.WorkspaceGate;
import dev.orderchainer.workspaces.domain.Access;
import dev.orderchainer.workspaces.domain.WorkspaceNotFoundException;
import dev.orderchainer.workspaces.store.DynamoDbWorkspaceStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What every order endpoint needs: the order service and the workspace gate (the bearer check with the caller's
 * membership). The same handlers serve {@code /api/orders…} (the personal workspace) and
 * {@code /api/workspaces/{wid}/orders…}.
 */
final class OrderComponents implements FunctionComponents {
    private static final String PRIMING_ORDER = "01JDQ8X3V7M2K9P4R6T8W0Y2A4";
    private static final String PRIMING_WORKSPACE = "ws_000000000000000000000000";
    private final Env env;
    private final OrderService orders;
    private final FunctionAuthentication authentication;
    private final WorkspaceGate gate;

    OrderComponents(Env env) {
        this.env = env;
        Clock clock = Clock.systemUTC();
        DynamoDbClient dynamoDb = new AwsClients(env).dynamoDb();
        String table = env.required("TABLE_NAME");
        this.orders = new OrderService(new DynamoDbOrderStore(dynamoDb, table), clock,
                Assignees.of(new DynamoDbWorkspaceStore(dynamoDb, table)));
        this.authentication = new FunctionAuthentication(env, dynamoDb, table, clock);
        this.gate = new WorkspaceGate(authentication, dynamoDb, table);
    }

    @Override
    public Env env() {
        return env;
    }

    OrderService orders() {
        return orders;
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
     * GET of one order in one round trip: the order, the caller's membership and the session's revocation entry in
     * one consistent read; a revoked session or a non-member is refused before anything read is answered.
     */
    OrderView read(HttpRequest request, String orderId) {
        if (!OrderIds.isValid(orderId)) {
            // No order has such an id (and DynamoDB would refuse it as a key): the access alone, then 404.
            access(request);
            throw new OrderNotFoundException(orderId);
        }
        WorkspaceGate.Entry entry = gate.enter(request, workspaceId -> List.of(TableKeys.order(workspaceId, orderId)));
        Map<String, AttributeValue> item = entry.found().item(TableKeys.order(entry.access().workspaceId(), orderId));
        if (item == null) {
            throw new OrderNotFoundException(orderId);
        }
        return orders.view(entry.access(), OrderItem.decode(item));
    }

    /**
     * Before a SnapStart snapshot: a token check, an order read in the personal workspace and in a team workspace
     * nobody belongs to (the membership read), and a service read, changing nothing.
     */
    @Override
    public void prime() {
        authentication.prime();
        authentication.prime(request -> {
            try {
                read(request, PRIMING_ORDER);
            } catch (OrderNotFoundException expected) {
                // Not found: the read path ran.
            }
            try {
                read(request.withPathParameter(WorkspaceGate.WORKSPACE_PARAMETER, PRIMING_WORKSPACE), PRIMING_ORDER);
            } catch (WorkspaceNotFoundException expected) {
                // Not a member: the membership read ran.
            }
        });
        try {
            orders.get("priming", PRIMING_ORDER);
        } catch (OrderNotFoundException expected) {
            // Not found: the read path ran.
        }
    }

    static String orderId(HttpRequest request) {
        return request.pathParameter("id").orElseThrow(() -> ApiProblem.notFound("No order id in the path"));
    }
}
