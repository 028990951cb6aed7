package dev.orderchainer.orders;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orderchainer.local.ApiGatewayV2Event;
import dev.orderchainer.local.HttpInvocation;
import dev.orderchainer.local.LocalLambdaContext;
import dev.orderchainer.local.LocalServices;
import dev.orderchainer.security.AccessTokens;
import dev.orderchainer.security.DynamoDbRevocationList;
import dev.orderchainer.security.SigningKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** The order functions as template.yaml configures them, on DynamoDB Local, called with real access tokens. */
final class OrdersApi {
    final LocalServices local = LocalServices.shared();
    private final ListOrdersHandler list = new ListOrdersHandler(local.environmentOf("ListOrdersFunction"));
    private final CreateOrderHandler create = new CreateOrderHandler(local.environmentOf("CreateOrderFunction"));
    private final GetOrderHandler get = new GetOrderHandler(local.environmentOf("GetOrderFunction"));
    private final UpdateOrderHandler update = new UpdateOrderHandler(local.environmentOf("UpdateOrderFunction"));
    private final DeleteOrderHandler delete = new DeleteOrderHandler(local.environmentOf("DeleteOrderFunction"));
    private final GetOrderGraphHandler graph = new GetOrderGraphHandler(local.environmentOf("GetOrderGraphFunction"));
    private final AccessTokens tokens = new AccessTokens(SigningKeys.parse(local.signingKeysJson(), "local"),
            "orderchainer", "orderchainer-api", Duration.ofMinutes(30), Clock.systemUTC());

    /** A user of the API: a fresh id and a valid access token of one login session. */
    final class User {
        final String id;
        final String session = UUID.randomUUID().toString();
        final String token;

        User(String id) {
            this.id = id;
            this.token = tokens.issue(id, session).token();
        }

        /** The same user signed in again: another session. */
        User anotherSession() {
            return new User(id);
        }

        /** Logout's effect on this session's access tokens (the revocation entry), leaving other sessions alone. */
        void revokeSession() {
            new DynamoDbRevocationList(local.dynamoDb(), "AppTable").revoke(session, Instant.now().plus(Duration.ofHours(1)));
        }

        HttpInvocation.Response list(String query) {
            return call(OrdersApi.this.list, ApiGatewayV2Event.request("GET", "/api/orders" + query).routeKey("GET /api/orders"));
        }

        HttpInvocation.Response create(String json) {
            return call(OrdersApi.this.create, ApiGatewayV2Event.request("POST", "/api/orders").routeKey("POST /api/orders").jsonBody(json));
        }

        String createId(String json) {
            HttpInvocation.Response response = create(json);
            if (response.status() != 201) {
                throw new AssertionError(response.status() + " " + response.bodyText());
            }
            return response.json().path("id").asText();
        }

        HttpInvocation.Response get(String orderId) {
            return call(OrdersApi.this.get, ApiGatewayV2Event.request("GET", "/api/orders/" + orderId)
                    .routeKey("GET /api/orders/{id}").pathParameter("id", orderId));
        }

        JsonNode order(String orderId) {
            return get(orderId).json();
        }

        HttpInvocation.Response update(String orderId, String json) {
            return call(OrdersApi.this.update, ApiGatewayV2Event.request("PUT", "/api/orders/" + orderId)
                    .routeKey("PUT /api/orders/{id}").pathParameter("id", orderId).jsonBody(json));
        }

        HttpInvocation.Response delete(String orderId) {
            return call(OrdersApi.this.delete, ApiGatewayV2Event.request("DELETE", "/api/orders/" + orderId)
                    .routeKey("DELETE /api/orders/{id}").pathParameter("id", orderId));
        }

        HttpInvocation.Response graph(String query) {
            return call(OrdersApi.this.graph, ApiGatewayV2Event.request("GET", "/api/orders/graph" + query).routeKey("GET /api/orders/graph"));
        }

        private HttpInvocation.Response call(RequestStreamHandler handler, ApiGatewayV2Event event) {
            return HttpInvocation.invoke(handler, event.header("authorization", "Bearer " + token),
                    new LocalLambdaContext("orders", 1024, 10));
        }
    }

    User newUser() {
        return new User(UUID.randomUUID().toString());
    }
}
