package dev.orderchainer.localcloud.spec;

class HealthCases implements OperationCases {
    @Override
    public String operationId() {
        return "health";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/health", null);
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        api.json("health", "/api/health", null, null);
    }
}
