package dev.orderchainer.localcloud.spec;

import static dev.orderchainer.local.JsonText.json;

import java.util.List;

class CreateWorkspaceDiscordIntegrationCases implements OperationCases {
    @Override
    public String operationId() {
        return "createWorkspaceDiscordIntegration";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/workspaces/" + WorkspaceOrderCases.SAMPLE_WORKSPACE + "/discord",
                json("webhook_url", SpecFixtures.webhookUrl("14000000000000000001")));
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        WorkspaceOrderCases.Team team = WorkspaceOrderCases.team(api, fixtures);
        String admin = team.admin().token();
        String hook = json("webhook_url", SpecFixtures.webhookUrl(fixtures.webhook()));
        String gone = fixtures.webhook();
        fixtures.discord().forgetWebhook(gone);
        api.json(operationId(), team.discord(), team.member().token(), hook);
        api.json(operationId(), team.discord(), fixtures.person().token(), hook);
        api.json(operationId(), team.discord(), admin, "{\"webhook_url\":\"http://127.0.0.1/api/webhooks/1/2\"}");
        api.json(operationId(), team.discord(), admin, json("webhook_url", SpecFixtures.webhookUrl(gone)));
        fixtures.discordFailsOnce();
        api.json(operationId(), team.discord(), admin, hook);
        api.json(operationId(), team.discord(), admin, hook);
        api.json(operationId(), team.discord(), admin, hook);
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        WorkspaceOrderCases.Team team = WorkspaceOrderCases.team(api, fixtures);
        // The caller's member item with the session check, its verified email, the webhooks there are (none), the new one.
        return new Budgeted(team.discord(), team.admin().token(), json("webhook_url", SpecFixtures.webhookUrl(fixtures.webhook())),
                List.of("BatchGetItem", "GetItem", "Query", "PutItem"));
    }
}
