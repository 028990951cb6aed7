package dev.orderchainer.localcloud.spec;

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
        String first = fixtures.order(api, user, "{\"title\":\"Spec\"}");
        String second = fixtures.order(api, user, "{\"title\":\"Child\",\"dependencies\":[\"" + first + "\"]}");
        api.json(operationId(), "/api/orders/" + first, user, null);
        api.json(operationId(), "/api/orders/" + second, user, null);
        api.json(operationId(), "/api/orders/" + SpecFixtures.UNKNOWN_ORDER, user, null);
    }
}
