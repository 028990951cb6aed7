package dev.orderchainer.localcloud.spec;

import static dev.orderchainer.local.JsonText.json;

import java.util.List;

class RegisterCases implements OperationCases {
    @Override
    public String operationId() {
        return "register";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/auth/register", json("email", "burst@example.org", "username", "burst", "password", SpecFixtures.PASSWORD));
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        SpecFixtures.Account account = fixtures.newAccount();
        api.json(operationId(), "/api/auth/register", null, account.registration());
        api.json(operationId(), "/api/auth/register", null, account.registration());
        api.json(operationId(), "/api/auth/register", null, "{\"email\":1}");
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        // The rate window, the account with its email and username markers, the verification token.
        return new Budgeted("/api/auth/register", null, fixtures.newAccount().registration(), List.of("UpdateItem", "TransactWriteItems", "PutItem"));
    }
}
