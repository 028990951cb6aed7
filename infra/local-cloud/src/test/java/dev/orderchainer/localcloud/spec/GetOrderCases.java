package dev.orderchainer.localcloud.spec;

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
}
