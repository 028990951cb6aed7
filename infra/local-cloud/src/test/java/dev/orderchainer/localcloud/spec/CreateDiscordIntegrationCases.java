package dev.orderchainer.localcloud.spec;

import static dev.orderchainer.local.JsonText.json;

import java.util.List;

class CreateDiscordIntegrationCases implements OperationCases {
    @Override
    public String operationId() {
        return "createDiscordIntegration";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/discord", "{\"webhook_url\":\"" + SpecFixtures.webhookUrl("14000000000000000001") + "\"}");
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        String user = fixtures.verifiedUserToken(api);
        String hook = json("webhook_url", SpecFixtures.webhookUrl(fixtures.webhook()));
        String gone = fixtures.webhook();
        fixtures.discord().forgetWebhook(gone);
        api.json(operationId(), "/api/discord", fixtures.tokenWithoutAccount(), hook);
        api.json(operationId(), "/api/discord", user, "{\"webhook_url\":\"http://127.0.0.1/api/webhooks/1/2\"}");
        api.json(operationId(), "/api/discord", user, json("webhook_url", SpecFixtures.webhookUrl(gone)));
        fixtures.discordFailsOnce();
        api.json(operationId(), "/api/discord", user, hook);
        api.json(operationId(), "/api/discord", user, hook);
        api.json(operationId(), "/api/discord", user, hook);
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        // The session check, the verified email, the webhooks there are (none), the new one.
        return new Budgeted("/api/discord", fixtures.verifiedUserToken(api),
                json("webhook_url", SpecFixtures.webhookUrl(fixtures.webhook())), List.of("GetItem", "GetItem", "Query", "PutItem"));
    }
}
