package dev.orderchainer.localcloud.spec;

import java.util.List;

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

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        // The table's status.
        return new Budgeted("/api/health", null, null, List.of("DescribeTable"));
    }
}
