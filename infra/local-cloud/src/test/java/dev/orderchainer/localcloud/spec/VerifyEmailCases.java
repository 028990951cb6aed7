package dev.orderchainer.localcloud.spec;

class VerifyEmailCases implements OperationCases {
    @Override
    public String operationId() {
        return "verifyEmail";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/auth/verify-email", "{\"token\":\"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG\"}");
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        SpecFixtures.Account account = fixtures.newAccount();
        api.json("register", "/api/auth/register", null, account.registration());
        api.json(operationId(), "/api/auth/verify-email", null, "{\"token\":\"" + fixtures.verificationToken(account) + "\"}");
        api.json(operationId(), "/api/auth/verify-email", null, "{\"token\":\"nope\"}");
    }
}
