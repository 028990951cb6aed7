package dev.orderchainer.orders;

import dev.orderchainer.common.aws.AwsClients;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiProblem;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.observability.EmfMetrics;
import dev.orderchainer.orders.domain.OrderService;
import dev.orderchainer.orders.store.DynamoDbOrderStore;
import dev.orderchainer.security.AccessTokens;
import dev.orderchainer.security.BearerAuthenticator;
import dev.orderchainer.security.DynamoDbRevocationList;
import dev.orderchainer.security.SecurityEvents;
import dev.orderchainer.security.SigningKey;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What every order endpoint needs: the order service and the bearer check. */
final class OrderComponents {
    private final Env env;
    private final OrderService orders;
    private final BearerAuthenticator authenticator;
    private final AccessTokens tokens;

    OrderComponents(Env env) {
        this.env = env;
        Clock clock = Clock.systemUTC();
        DynamoDbClient dynamoDb = new AwsClients(env).dynamoDb();
        String table = env.required("TABLE_NAME");
        this.orders = new OrderService(new DynamoDbOrderStore(dynamoDb, table), clock);
        this.tokens = new AccessTokens(SigningKey.fromSetting(env.optional("SECRET_KEY").orElse(null)),
                "orderchainer", "orderchainer-api", Duration.ofMinutes(env.integer("ACCESS_TOKEN_EXPIRE_MINUTES", 30, 1, 24 * 60)), clock);
        SecurityEvents events = new SecurityEvents(EmfMetrics.toLog(env.string("POWERTOOLS_METRICS_NAMESPACE", "OrderChainer"),
                env.string("POWERTOOLS_SERVICE_NAME", "orders")));
        this.authenticator = new BearerAuthenticator(tokens, new DynamoDbRevocationList(dynamoDb, table), events);
    }

    Env env() {
        return env;
    }

    OrderService orders() {
        return orders;
    }

    /** The caller's user id, from a valid, unrevoked access token. */
    String userId(HttpRequest request) {
        return authenticator.authenticate(request).userId();
    }

    /** Before a SnapStart snapshot: a token check (signature and revocation read) and an order read, changing nothing. */
    void prime() {
        String token = tokens.issue("priming", "priming").token();
        authenticator.authenticate(new HttpRequest("GET", "/api/orders", "GET /api/orders", java.util.Map.of("authorization", "Bearer " + token),
                java.util.Map.of(), java.util.Map.of(), null, "priming", "127.0.0.1"));
        org.slf4j.MDC.remove(dev.orderchainer.common.http.ApiHandler.USER_ID);
        try {
            orders.get("priming", "01JDQ8X3V7M2K9P4R6T8W0Y2A4");
        } catch (ApiProblem expected) {
            // Not found: the read path ran.
        }
    }

    static String orderId(HttpRequest request) {
        return request.pathParameter("id").orElseThrow(() -> ApiProblem.notFound("No order id in the path"));
    }
}
