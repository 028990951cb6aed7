package dev.orderchainer.orders;

import dev.orderchainer.common.aws.AwsClients;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.function.FunctionComponents;
import dev.orderchainer.common.http.ApiProblem;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.table.GuardedRead;
import dev.orderchainer.orders.domain.Order;
import dev.orderchainer.orders.domain.OrderIds;
import dev.orderchainer.orders.domain.OrderNotFoundException;
import dev.orderchainer.orders.domain.OrderService;
import dev.orderchainer.orders.domain.OrderView;
import dev.orderchainer.orders.store.DynamoDbOrderStore;
import dev.orderchainer.security.FunctionAuthentication;
import dev.orderchainer.security.PendingSession;
import java.time.Clock;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What every order endpoint needs: the order service and the bearer check. */
final class OrderComponents implements FunctionComponents {
    private static final String PRIMING_ORDER = "01JDQ8X3V7M2K9P4R6T8W0Y2A4";
    private final Env env;
    private final DynamoDbOrderStore store;
    private final OrderService orders;
    private final FunctionAuthentication authentication;

    OrderComponents(Env env) {
        this.env = env;
        Clock clock = Clock.systemUTC();
        DynamoDbClient dynamoDb = new AwsClients(env).dynamoDb();
        String table = env.required("TABLE_NAME");
        this.store = new DynamoDbOrderStore(dynamoDb, table);
        this.orders = new OrderService(store, clock);
        this.authentication = new FunctionAuthentication(env, dynamoDb, table, clock);
    }

    @Override
    public Env env() {
        return env;
    }

    OrderService orders() {
        return orders;
    }

    /** A verified token whose session {@link #read} checks in the same round trip as the order. */
    PendingSession pending(HttpRequest request) {
        return authentication.pending(request);
    }

    /** The caller's user id, from a valid, unrevoked access token. */
    String userId(HttpRequest request) {
        return authentication.userId(request);
    }

    /**
     * GET of one order in one round trip: the order and the session's revocation entry in one consistent
     * read; a revoked session is refused before anything read is answered (or found missing).
     */
    OrderView read(PendingSession session, String orderId) {
        if (!OrderIds.isValid(orderId)) {
            // No order has such an id (and DynamoDB would refuse it as a key): the session alone, then 404.
            session.admit();
            throw new OrderNotFoundException(orderId);
        }
        GuardedRead<Optional<Order>> read = store.getGuarded(session.userId(), orderId, session.revocationKey());
        String userId = session.admit(read.guardExists()).userId();
        return orders.view(userId, read.item().orElseThrow(() -> new OrderNotFoundException(orderId)));
    }

    /** Before a SnapStart snapshot: a token check, an order read and a read with the session check, changing nothing. */
    @Override
    public void prime() {
        authentication.prime();
        authentication.prime(request -> {
            try {
                read(pending(request), PRIMING_ORDER);
            } catch (OrderNotFoundException expected) {
                // Not found: the read path ran.
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
