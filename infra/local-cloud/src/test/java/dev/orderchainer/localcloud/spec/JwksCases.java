package dev.orderchainer.localcloud.spec;

import java.util.List;

class JwksCases implements OperationCases {
    @Override
    public String operationId() {
        return "jwks";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/auth/jwks.json", null);
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        api.json("jwks", "/api/auth/jwks.json", null, null);
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        // The set comes from the function's configuration: no table, no secret.
        return new Budgeted("/api/auth/jwks.json", null, null, List.of());
    }
}
