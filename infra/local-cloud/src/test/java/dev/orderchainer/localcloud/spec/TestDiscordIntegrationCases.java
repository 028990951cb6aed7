package dev.orderchainer.localcloud.spec;

import java.util.List;

class TestDiscordIntegrationCases implements OperationCases {
    @Override
    public String operationId() {
        return "testDiscordIntegration";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/discord/test", null);
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        String user = fixtures.verifiedUserToken(api);
        api.json(operationId(), "/api/discord/test", user, null);
        String hook = fixtures.webhook();
        fixtures.connectDiscord(api, user, hook);
        api.json(operationId(), "/api/discord/test", user, null);
        fixtures.discord().forgetWebhook(hook);
        api.json(operationId(), "/api/discord/test", user, null);
        api.json(operationId(), "/api/discord/test", user, null);
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        String user = fixtures.connectedUserToken(api);
        // The session check, the integration (then Discord).
        return new Budgeted("/api/discord/test", user, null, List.of("GetItem", "GetItem"));
    }
}
