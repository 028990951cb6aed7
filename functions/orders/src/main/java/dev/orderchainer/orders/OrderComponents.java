package dev.orderchainer.orders;

import dev.orderchainer.common.aws.AwsClients;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiProblem;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.orders.domain.OrderNotFoundException;
import dev.orderchainer.orders.domain.OrderService;
import dev.orderchainer.orders.store.DynamoDbOrderStore;
import dev.orderchainer.security.FunctionAuthentication;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What every order endpoint needs: the order service and the bearer check. */
final class OrderComponents {
    private final Env env;
    private final OrderService orders;
    private final FunctionAuthentication authentication;

    OrderComponents(Env env) {
        this.env = env;
        Clock clock = Clock.systemUTC();
        DynamoDbClient dynamoDb = new AwsClients(env).dynamoDb();
        String table = env.required("TABLE_NAME");
        this.orders = new OrderService(new DynamoDbOrderStore(dynamoDb, table), clock);
        this.authentication = new FunctionAuthentication(env, dynamoDb, table, clock);
    }

    Env env() {
        return env;
    }

    OrderService orders() {
        return orders;
    }

    /** The caller's user id, from a valid, unrevoked access token. */
    String userId(HttpRequest request) {
        return authentication.userId(request);
    }

    /** Before a SnapStart snapshot: a token check and an order read, changing nothing. */
    void prime() {
        authentication.prime();
        try {
            orders.get("priming", "01JDQ8X3V7M2K9P4R6T8W0Y2A4");
        } catch (OrderNotFoundException expected) {
            // Not found: the read path ran.
        }
    }

    static String orderId(HttpRequest request) {
        return request.pathParameter("id").orElseThrow(() -> ApiProblem.notFound("No order id in the path"));
    }
}
