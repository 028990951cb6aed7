package dev.orderchainer.localcloud.spec;

import static dev.orderchainer.local.JsonText.json;

import java.util.List;

class TokenCases implements OperationCases {
    @Override
    public String operationId() {
        return "token";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/auth/token", "{\"username\":\"x\",\"password\":\"wrong password\"}");
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        SpecFixtures.Account account = fixtures.newAccount();
        api.json("register", "/api/auth/register", null, account.registration());
        api.json(operationId(), "/api/auth/token", null, account.login());
        api.json("verifyEmail", "/api/auth/verify-email", null, json("token", fixtures.verificationToken(account)));
        api.json(operationId(), "/api/auth/token", null, account.login());
        api.json(operationId(), "/api/auth/token", null, json("username", account.name(), "password", "wrong password!"));
        api.call(operationId(), "/api/auth/token", null, "application/x-www-form-urlencoded", "grant_type=client_credentials");
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        SpecFixtures.Account account = fixtures.newAccount();
        api.json("register", "/api/auth/register", null, account.registration());
        api.json("verifyEmail", "/api/auth/verify-email", null, json("token", fixtures.verificationToken(account)));
        // The rate window, the username marker, the account, the new session with its refresh token.
        return new Budgeted("/api/auth/token", null, account.login(), List.of("UpdateItem", "GetItem", "GetItem", "TransactWriteItems"));
    }
}
