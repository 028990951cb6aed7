package dev.orderchainer.localcloud.spec;

import java.util.List;

class GetOrderCases implements OperationCases {
    @Override
    public String operationId() {
        return "getOrder";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/orders/" + SpecFixtures.UNKNOWN_ORDER, null);
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        String user = fixtures.tokenWithoutAccount();
        String order = fixtures.order(api, user, "{\"title\":\"Read\"}");
        api.json(operationId(), "/api/orders/" + order, user, null);
        api.json(operationId(), "/api/orders/" + SpecFixtures.UNKNOWN_ORDER, user, null);
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        String user = fixtures.tokenWithoutAccount();
        // The order and the session's revocation entry in one consistent read (+ BatchGetItem for dependencies).
        return new Budgeted("/api/orders/" + fixtures.order(api, user, "{\"title\":\"Budget\"}"), user, null, List.of("BatchGetItem"));
    }
}
