package dev.orderchainer.localcloud.spec;

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
}
