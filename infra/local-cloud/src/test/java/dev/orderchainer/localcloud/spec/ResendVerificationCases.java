package dev.orderchainer.localcloud.spec;

import static dev.orderchainer.local.JsonText.json;

import java.util.List;

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
        api.json(operationId(), "/api/auth/resend-verification", null, json("email", account.email()));
        api.json(operationId(), "/api/auth/resend-verification", null, "{\"email\":7}");
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        SpecFixtures.Account account = fixtures.newAccount();
        api.json("register", "/api/auth/register", null, account.registration());
        // The rate windows (address and email), the email marker, the account, the new token.
        return new Budgeted("/api/auth/resend-verification", null, json("email", account.email()),
                List.of("UpdateItem", "UpdateItem", "GetItem", "GetItem", "PutItem"));
    }
}
