package dev.orderchainer.localcloud.spec;

import static dev.orderchainer.local.JsonText.json;

import java.util.List;

class UpdateWorkspaceDiscordIntegrationCases implements OperationCases {
    @Override
    public String operationId() {
        return "updateWorkspaceDiscordIntegration";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/workspaces/" + WorkspaceOrderCases.SAMPLE_WORKSPACE + "/discord", json("username", "Bot"));
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        WorkspaceOrderCases.Team team = WorkspaceOrderCases.team(api, fixtures);
        String admin = team.admin().token();
        api.json(operationId(), team.discord(), admin, json("username", "Bot"));
        team.connectDiscord(api, fixtures);
        api.json(operationId(), team.discord(), team.member().token(), json("username", "A member's bot"));
        api.json(operationId(), team.discord(), admin, "{\"notifications\":{\"order_updated\":true}}");
        api.json(operationId(), team.discord(), admin, "{\"notifications\":{\"order_updated\":\"yes\"}}");
        String gone = fixtures.webhook();
        fixtures.discord().forgetWebhook(gone);
        api.json(operationId(), team.discord(), admin, json("webhook_url", SpecFixtures.webhookUrl(gone)));
        fixtures.discordFailsOnce();
        api.json(operationId(), team.discord(), admin, json("webhook_url", SpecFixtures.webhookUrl(fixtures.webhook())));
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        WorkspaceOrderCases.Team team = WorkspaceOrderCases.team(api, fixtures);
        team.connectDiscord(api, fixtures);
        // The caller's member item with the session check, the integration, the new version.
        return new Budgeted(team.discord(), team.admin().token(), json("username", "Budget bot"), List.of("BatchGetItem", "GetItem", "PutItem"));
    }
}
