package dev.orderchainer.localcloud.spec;

import java.util.List;

class LogoutCases implements OperationCases {
    @Override
    public String operationId() {
        return "logout";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/auth/logout", null);
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        String user = fixtures.verifiedUserToken(api);
        api.json(operationId(), "/api/auth/logout", user, null);
        api.json(operationId(), "/api/auth/logout", user, null);
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        // The session check, the session's end with its revocation entry.
        return new Budgeted("/api/auth/logout", fixtures.verifiedUserToken(api), null, List.of("GetItem", "TransactWriteItems"));
    }
}
