package dev.orderchainer.localcloud.spec;

import dev.orderchainer.common.table.TableKeys;
import dev.orderchainer.orders.domain.Order;
import dev.orderchainer.orders.domain.OrderIds;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CreateOrderCases implements OperationCases {
    @Override
    public String operationId() {
        return "createOrder";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/orders", "{\"title\":\"Sample\"}");
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        String userId = UUID.randomUUID().toString();
        String user = fixtures.accessToken(userId);
        String first = fixtures.order(api, user, "{\"title\":\"Spec\"}");
        api.json(operationId(), "/api/orders", user, "{\"title\":\"t\",\"owner\":\"me\"}");
        api.json(operationId(), "/api/orders", user, "{\"title\":\"t\",\"dependencies\":[\"" + SpecFixtures.UNKNOWN_ORDER + "\"]}");
        api.json(operationId(), "/api/orders", user, "{\"title\":\"t\",\"status\":\"active\",\"dependencies\":[\"" + first + "\"]}");
        fillWithDependents(fixtures, userId, first);
        api.json(operationId(), "/api/orders", user, "{\"title\":\"One too many\",\"dependencies\":[\"" + first + "\"]}");
    }

    /** Gives {@code order} the most dependents an order may have, written straight to the table (10,000 orders would take long). */
    static void fillWithDependents(SpecFixtures fixtures, String userId, String order) {
        OrderIds ids = new OrderIds(Clock.systemUTC());
        List<String> dependents = new ArrayList<>();
        for (int i = 0; i < Order.MAX_DEPENDENTS; i++) {
            dependents.add(ids.next());
        }
        fixtures.dynamoDb().updateItem(r -> r.tableName("AppTable").key(TableKeys.order(userId, order)).updateExpression("ADD dependents :d")
                .expressionAttributeValues(Map.of(":d", AttributeValue.fromSs(dependents))));
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        // The session check, the new order (with dependencies: BatchGetItem and a transaction instead).
        return new Budgeted("/api/orders", fixtures.tokenWithoutAccount(), "{\"title\":\"Budget\"}", List.of("GetItem", "PutItem"));
    }
}
