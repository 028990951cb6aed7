package dev.orderchainer.localcloud.spec;

import java.util.List;

class DeleteDiscordIntegrationCases implements OperationCases {
    @Override
    public String operationId() {
        return "deleteDiscordIntegration";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/discord", null);
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        String user = fixtures.verifiedUserToken(api);
        api.json(operationId(), "/api/discord", user, null);
        fixtures.connectDiscord(api, user, fixtures.webhook());
        api.json(operationId(), "/api/discord", user, null);
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        String user = fixtures.connectedUserToken(api);
        // The session check, the first webhook, who removes it, the delete.
        return new Budgeted("/api/discord", user, null, List.of("GetItem", "GetItem", "UpdateItem", "DeleteItem"));
    }
}
