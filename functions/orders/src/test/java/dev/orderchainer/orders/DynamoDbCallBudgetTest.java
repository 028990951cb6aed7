package dev.orderchainer.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orderchainer.local.HttpInvocation;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB round trips of the order endpoints by the shape of the data (dependencies, graph walks), counted by an
 * SDK interceptor; every operation's typical request is budgeted in local-cloud's spec cases.
 */
class DynamoDbCallBudgetTest {
    private static final OrdersApi API = new OrdersApi();

    private static List<String> calls(Supplier<HttpInvocation.Response> request, int expectedStatus) {
        DynamoDbCallCounter.reset();
        HttpInvocation.Response response = request.get();
        assertEquals(expectedStatus, response.status(), response.bodyText());
        return DynamoDbCallCounter.calls();
    }

    @Test
    void eachEndpointStaysWithinItsBudget() {
        OrdersApi.User user = API.newUser();
        // Other authenticated requests first check the revocation list: one GetItem.
        assertEquals(List.of("GetItem", "PutItem"), calls(() -> user.create("{\"title\":\"A\"}"), 201));
        String a = user.list("").json().path("items").get(0).path("id").asText();
        assertEquals(List.of("GetItem", "BatchGetItem", "TransactWriteItems"),
                calls(() -> user.create("{\"title\":\"B\",\"dependencies\":[\"" + a + "\"]}"), 201));
        String b = user.list("?limit=1").json().path("items").get(0).path("id").asText();
        // A single-order read fetches the session's revocation entry with the order: one BatchGetItem.
        assertEquals(List.of("BatchGetItem"), calls(() -> user.get(a), 200));
        assertEquals(List.of("BatchGetItem", "BatchGetItem"), calls(() -> user.get(b), 200));
        assertEquals(List.of("BatchGetItem"), calls(() -> user.get("01JDQ8X3V7M2K9P4R6T8W0Y2A4"), 404));
        // An id no order can have: the session alone.
        assertEquals(List.of("GetItem"), calls(() -> user.get("x".repeat(1500)), 404));
        assertEquals(List.of("GetItem", "Query", "BatchGetItem"), calls(() -> user.list(""), 200));
        assertEquals(List.of("GetItem", "Query"), calls(() -> user.list("?status=active"), 200));
        assertEquals(List.of("GetItem", "GetItem", "UpdateItem"), calls(() -> user.update(a, "{\"title\":\"A2\"}"), 200));
        assertEquals(List.of("GetItem", "GetItem", "BatchGetItem", "UpdateItem"), calls(() -> user.update(b, "{\"title\":\"B2\"}"), 200));
        // New edge: order, graph version, the dependencies, one read per level of the walk, the write.
        String c = user.createId("{\"title\":\"C\"}");
        assertEquals(List.of("GetItem", "GetItem", "GetItem", "BatchGetItem", "BatchGetItem", "BatchGetItem", "TransactWriteItems"),
                calls(() -> user.update(c, "{\"dependencies\":[\"" + b + "\"]}"), 200));
        // The deletion time goes on the order first (the deleted event then names it exactly), then the delete itself.
        assertEquals(List.of("GetItem", "GetItem", "GetItem", "UpdateItem", "TransactWriteItems"), calls(() -> user.delete(c), 204));
    }
}
