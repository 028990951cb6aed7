package dev.orderchainer.localcloud.spec;

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
        String user = fixtures.tokenWithoutAccount();
        String first = fixtures.order(api, user, "{\"title\":\"Spec\"}");
        String second = fixtures.order(api, user, "{\"title\":\"Child\",\"dependencies\":[\"" + first + "\"]}");
        api.json(operationId(), "/api/orders/" + first, user, "{\"title\":\"Spec 2\"}");
        api.json(operationId(), "/api/orders/" + SpecFixtures.UNKNOWN_ORDER, user, "{\"title\":\"Spec 2\"}");
        api.json(operationId(), "/api/orders/" + second, user, "{\"status\":\"completed\"}");
        api.json(operationId(), "/api/orders/" + first, user, "{\"status\":\"done\"}");
        String other = fixtures.order(api, user, "{\"title\":\"Other\"}");
        CreateOrderCases.fillWithDependents(fixtures, user, first);
        api.json(operationId(), "/api/orders/" + other, user, "{\"dependencies\":[\"" + first + "\"]}");
    }
}
