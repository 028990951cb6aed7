package dev.orderchainer.localcloud.spec;

import static dev.orderchainer.local.JsonText.json;

import java.util.List;

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
        api.json(operationId(), "/api/auth/verify-email", null, json("token", fixtures.verificationToken(account)));
        api.json(operationId(), "/api/auth/verify-email", null, "{\"token\":\"nope\"}");
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        SpecFixtures.Account account = fixtures.newAccount();
        api.json("register", "/api/auth/register", null, account.registration());
        // The verification token, the account verified with the token used up.
        return new Budgeted("/api/auth/verify-email", null, json("token", fixtures.verificationToken(account)),
                List.of("GetItem", "TransactWriteItems"));
    }
}
