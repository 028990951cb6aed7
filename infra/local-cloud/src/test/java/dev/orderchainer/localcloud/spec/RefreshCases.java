package dev.orderchainer.localcloud.spec;

import static dev.orderchainer.local.JsonText.json;

import java.util.List;

class RefreshCases implements OperationCases {
    @Override
    public String operationId() {
        return "refresh";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/auth/refresh", "{\"refresh_token\":\"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG\"}");
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        String refresh = fixtures.verifiedUser(api).path("refresh_token").asText();
        api.json(operationId(), "/api/auth/refresh", null, json("refresh_token", refresh));
        api.json(operationId(), "/api/auth/refresh", null, "{\"refresh_token\":\"nope\"}");
        api.json(operationId(), "/api/auth/refresh", null, "{}");
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        String refresh = fixtures.verifiedUser(api).path("refresh_token").asText();
        // The rate window, the refresh token, the rotation.
        return new Budgeted("/api/auth/refresh", null, json("refresh_token", refresh),
                List.of("UpdateItem", "GetItem", "TransactWriteItems"));
    }
}
