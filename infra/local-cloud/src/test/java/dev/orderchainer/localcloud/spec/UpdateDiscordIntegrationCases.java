package dev.orderchainer.localcloud.spec;

import static dev.orderchainer.local.JsonText.json;

import java.util.List;

class UpdateDiscordIntegrationCases implements OperationCases {
    @Override
    public String operationId() {
        return "updateDiscordIntegration";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/discord", "{\"username\":\"Sample\"}");
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        String user = fixtures.verifiedUserToken(api);
        api.json(operationId(), "/api/discord", user, "{\"username\":\"Bot\"}");
        fixtures.connectDiscord(api, user, fixtures.webhook());
        api.json(operationId(), "/api/discord", user, "{\"notifications\":{\"order_updated\":true}}");
        api.json(operationId(), "/api/discord", user, "{\"notifications\":{\"order_updated\":\"yes\"}}");
        String gone = fixtures.webhook();
        fixtures.discord().forgetWebhook(gone);
        api.json(operationId(), "/api/discord", user, json("webhook_url", SpecFixtures.webhookUrl(gone)));
        fixtures.discordFailsOnce();
        api.json(operationId(), "/api/discord", user, json("webhook_url", SpecFixtures.webhookUrl(fixtures.webhook())));
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        String user = fixtures.connectedUserToken(api);
        // The session check, the integration, the new version.
        return new Budgeted("/api/discord", user, "{\"username\":\"Budget bot\"}", List.of("GetItem", "GetItem", "PutItem"));
    }
}
