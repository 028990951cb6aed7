package dev.orderchainer.localcloud.spec;

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
        String hook = "{\"webhook_url\":\"" + SpecFixtures.webhookUrl(fixtures.webhook()) + "\"}";
        String gone = fixtures.webhook();
        fixtures.discord().forgetWebhook(gone);
        api.json(operationId(), "/api/discord", fixtures.tokenWithoutAccount(), hook);
        api.json(operationId(), "/api/discord", user, "{\"webhook_url\":\"http://127.0.0.1/api/webhooks/1/2\"}");
        api.json(operationId(), "/api/discord", user, "{\"webhook_url\":\"" + SpecFixtures.webhookUrl(gone) + "\"}");
        fixtures.discordFailsOnce();
        api.json(operationId(), "/api/discord", user, hook);
        api.json(operationId(), "/api/discord", user, hook);
        api.json(operationId(), "/api/discord", user, hook);
    }
}
