package dev.orderchainer.localcloud.spec;

import java.util.List;

class DeleteOrderCases implements OperationCases {
    @Override
    public String operationId() {
        return "deleteOrder";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/orders/" + SpecFixtures.UNKNOWN_ORDER, null);
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        String user = fixtures.tokenWithoutAccount();
        List<String> pair = fixtures.orderAndDependent(api, user);
        String first = pair.get(0);
        String second = pair.get(1);
        api.json(operationId(), "/api/orders/" + first, user, null);
        api.json(operationId(), "/api/orders/" + second, user, null);
        api.json(operationId(), "/api/orders/" + SpecFixtures.UNKNOWN_ORDER, user, null);
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        String user = fixtures.tokenWithoutAccount();
        // The session check, the order, the graph version, the deletion time on the order (so the deleted event is
        // exact), the delete with its edges.
        return new Budgeted("/api/orders/" + fixtures.order(api, user, "{\"title\":\"Budget\"}"), user, null,
                List.of("GetItem", "GetItem", "GetItem", "UpdateItem", "TransactWriteItems"));
    }
}
