package dev.orderchainer.localcloud.spec;

import java.util.List;
import java.util.UUID;

class UpdateOrderCases implements OperationCases {
    @Override
    public String operationId() {
        return "updateOrder";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/orders/" + SpecFixtures.UNKNOWN_ORDER, "{\"title\":\"Sample\"}");
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        String userId = UUID.randomUUID().toString();
        String user = fixtures.accessToken(userId);
        List<String> pair = fixtures.orderAndDependent(api, user);
        String first = pair.get(0);
        String second = pair.get(1);
        api.json(operationId(), "/api/orders/" + first, user, "{\"title\":\"Spec 2\"}");
        api.json(operationId(), "/api/orders/" + SpecFixtures.UNKNOWN_ORDER, user, "{\"title\":\"Spec 2\"}");
        api.json(operationId(), "/api/orders/" + second, user, "{\"status\":\"completed\"}");
        api.json(operationId(), "/api/orders/" + first, user, "{\"status\":\"done\"}");
        String other = fixtures.order(api, user, "{\"title\":\"Other\"}");
        CreateOrderCases.fillWithDependents(fixtures, userId, first);
        api.json(operationId(), "/api/orders/" + other, user, "{\"dependencies\":[\"" + first + "\"]}");
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        String user = fixtures.tokenWithoutAccount();
        // The session check, the order, the new version (+ the graph and its levels for new dependencies).
        return new Budgeted("/api/orders/" + fixtures.order(api, user, "{\"title\":\"Budget\"}"), user, "{\"title\":\"Renamed\"}",
                List.of("GetItem", "GetItem", "UpdateItem"));
    }
}
