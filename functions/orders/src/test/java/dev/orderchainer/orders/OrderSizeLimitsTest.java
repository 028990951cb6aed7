package dev.orderchainer.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.local.HttpInvocation;
import dev.orderchainer.orders.domain.Order;
import dev.orderchainer.orders.domain.OrderIds;
import dev.orderchainer.orders.domain.OrderStatus;
import dev.orderchainer.orders.store.OrderItem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** What happens at the limits of what one answer (Lambda: 6 MB) and one order's item (DynamoDB: 400 KB) can hold. */
class OrderSizeLimitsTest {
    private static final OrdersApi API = new OrdersApi();
    private static final String TABLE = "AppTable";

    @Test
    void aGraphBeyondWhatOneAnswerCarriesIsA422SayingHowToNarrowIt() {
        OrdersApi.User user = API.newUser();
        OrderIds ids = new OrderIds(Clock.systemUTC());
        List<String> created = new ArrayList<>();
        List<WriteRequest> batch = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < 9_000; i++) {
            List<String> dependencies = created.subList(Math.max(0, created.size() - 10), created.size());
            Order order = new Order(ids.next(), user.id, "Order " + i + " " + "t".repeat(190), "", OrderStatus.PENDING,
                    List.copyOf(dependencies), List.of(), false, List.of(), now, now, 1);
            created.add(order.id());
            batch.add(WriteRequest.builder().putRequest(p -> p.item(OrderItem.encode(order))).build());
            if (batch.size() == 25) {
                List<WriteRequest> writes = List.copyOf(batch);
                API.local.dynamoDb().batchWriteItem(r -> r.requestItems(Map.of(TABLE, writes)));
                batch.clear();
            }
        }
        HttpInvocation.Response whole = user.graph("");
        assertEquals(422, whole.status(), "9,000 orders with 10 dependencies each are over 6 MB of JSON");
        assertEquals("application/problem+json", whole.header("content-type"));
        assertTrue(whole.json().path("detail").asText().contains("root=<order id>"), whole.bodyText());
        assertEquals(9_000, whole.json().path("orders").asInt());
        assertEquals(422, user.graph("?format=dot").status());
        assertTrue(user.graph("?format=mermaid").json().path("detail").asText().contains("format=json"));
        HttpInvocation.Response narrowed = user.graph("?root=" + created.get(20));
        assertEquals(200, narrowed.status(), "root= narrows it to what one order depends on");
        assertEquals(21, narrowed.json().path("nodes").size());
    }

    @Test
    void anOrderWithTheMostDependentsAllowedTakesNoMoreAndSaysWhatToDo() {
        OrdersApi.User user = API.newUser();
        String full = user.createId("{\"title\":\"Popular\"}");
        String other = user.createId("{\"title\":\"Other\"}");
        OrderIds ids = new OrderIds(Clock.systemUTC());
        List<String> dependents = new ArrayList<>();
        for (int i = 0; i < Order.MAX_DEPENDENTS; i++) {
            dependents.add(ids.next());
        }
        API.local.dynamoDb().updateItem(r -> r.tableName(TABLE).key(key(user.id, full)).updateExpression("ADD dependents :d")
                .expressionAttributeValues(Map.of(":d", AttributeValue.fromSs(dependents))));
        HttpInvocation.Response create = user.create("{\"title\":\"One more\",\"dependencies\":[\"" + full + "\"]}");
        assertEquals(422, create.status(), create.bodyText());
        assertTrue(create.json().path("detail").asText().contains("already have 10000 dependents"), create.bodyText());
        HttpInvocation.Response update = user.update(other, "{\"dependencies\":[\"" + full + "\"]}");
        assertEquals(422, update.status(), update.bodyText());
        assertEquals(2, user.list("").json().path("items").size(), "nothing was stored");
        assertTrue(user.order(other).path("dependencies").isEmpty());
    }

    @Test
    void aWriteThatWouldOutgrowDynamoDbsItemLimitIsA422NotARetry() {
        OrdersApi.User user = API.newUser();
        String heavy = user.createId("{\"title\":\"Heavy\"}");
        // Stored before descriptions were bounded: the item within 16 bytes of DynamoDB's 400 KB.
        for (int size = 409_600; ; size -= 16) {
            String description = "x".repeat(size);
            try {
                API.local.dynamoDb().updateItem(r -> r.tableName(TABLE).key(key(user.id, heavy)).updateExpression("SET description = :d")
                        .expressionAttributeValues(Map.of(":d", AttributeValue.fromS(description))));
                break;
            } catch (DynamoDbException tooLarge) {
                assertTrue(tooLarge.getMessage().contains("has exceeded the maximum allowed size"), tooLarge.getMessage());
            }
        }
        HttpInvocation.Response create = user.create("{\"title\":\"Needs heavy\",\"dependencies\":[\"" + heavy + "\"]}");
        assertEquals(422, create.status(), create.bodyText());
        assertTrue(create.json().path("detail").asText().contains("400 KB"), create.bodyText());
        assertEquals(1, user.list("").json().path("items").size(), "nothing was stored");
    }

    private static Map<String, AttributeValue> key(String userId, String orderId) {
        return Map.of("pk", AttributeValue.fromS("USER#" + userId), "sk", AttributeValue.fromS("ORDER#" + orderId));
    }
}
