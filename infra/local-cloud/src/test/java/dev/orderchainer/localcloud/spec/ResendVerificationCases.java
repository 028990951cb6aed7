package dev.orderchainer.localcloud.spec;

class ResendVerificationCases implements OperationCases {
    @Override
    public String operationId() {
        return "resendVerification";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/auth/resend-verification", "{\"email\":\"ghost@example.org\"}");
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        SpecFixtures.Account account = fixtures.newAccount();
        api.json("register", "/api/auth/register", null, account.registration());
        api.json(operationId(), "/api/auth/resend-verification", null, "{\"email\":\"" + account.email() + "\"}");
        api.json(operationId(), "/api/auth/resend-verification", null, "{\"email\":7}");
    }
}
