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
        final String session;
        final String token;
        /** The team workspace its calls go to (/api/workspaces/{wid}/orders…), or null: the personal one (/api/orders…). */
        private final String workspace;

        User(String id) {
            this(id, UUID.randomUUID().toString(), null);
        }

        private User(String id, String session, String workspace) {
            this.id = id;
            this.session = session;
            this.token = tokens.issue(id, session).token();
            this.workspace = workspace;
        }

        /** The same user, same session, calling the personal workspace's routes. */
        User personal() {
            return new User(id, session, null);
        }

        /** The same user, same session, calling the order routes of a team workspace. */
        User in(String workspaceId) {
            return new User(id, session, workspaceId);
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
            return call(OrdersApi.this.list, request("GET", query, ""));
        }

        HttpInvocation.Response create(String json) {
            return call(OrdersApi.this.create, request("POST", "", "").jsonBody(json));
        }

        String createId(String json) {
            HttpInvocation.Response response = create(json);
            if (response.status() != 201) {
                throw new AssertionError(response.status() + " " + response.bodyText());
            }
            return response.json().path("id").asText();
        }

        HttpInvocation.Response get(String orderId) {
            return call(OrdersApi.this.get, request("GET", "/" + orderId, "/{id}").pathParameter("id", orderId));
        }

        JsonNode order(String orderId) {
            return get(orderId).json();
        }

        HttpInvocation.Response update(String orderId, String json) {
            return call(OrdersApi.this.update, request("PUT", "/" + orderId, "/{id}").pathParameter("id", orderId).jsonBody(json));
        }

        HttpInvocation.Response delete(String orderId) {
            return call(OrdersApi.this.delete, request("DELETE", "/" + orderId, "/{id}").pathParameter("id", orderId));
        }

        HttpInvocation.Response graph(String query) {
            return call(OrdersApi.this.graph, request("GET", "/graph" + query, "/graph"));
        }

        /** A request to {@code /api/orders + path} (route {@code /api/orders + route}), or the same in its team workspace. */
        private ApiGatewayV2Event request(String method, String path, String route) {
            String base = workspace == null ? "/api/orders" : "/api/workspaces/" + workspace + "/orders";
            ApiGatewayV2Event event = ApiGatewayV2Event.request(method, base + path)
                    .routeKey(method + " " + (workspace == null ? "/api/orders" : "/api/workspaces/{wid}/orders") + route);
            return workspace == null ? event : event.pathParameter("wid", workspace);
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
