package dev.orderchainer.localcloud.spec;

import static dev.orderchainer.local.JsonText.json;

import java.util.List;

class TestWorkspaceDiscordIntegrationCases implements OperationCases {
    @Override
    public String operationId() {
        return "testWorkspaceDiscordIntegration";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/workspaces/" + WorkspaceOrderCases.SAMPLE_WORKSPACE + "/discord" + "/test", null);
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        WorkspaceOrderCases.Team team = WorkspaceOrderCases.team(api, fixtures);
        String admin = team.admin().token();
        api.json(operationId(), team.discord() + "/test", admin, null);
        String hook = fixtures.webhook();
        api.json("createWorkspaceDiscordIntegration", team.discord(), admin, json("webhook_url", SpecFixtures.webhookUrl(hook)));
        api.json(operationId(), team.discord() + "/test", team.member().token(), null);
        api.json(operationId(), team.discord() + "/test", admin, null);
        fixtures.discord().forgetWebhook(hook);
        api.json(operationId(), team.discord() + "/test", admin, null);
        api.json(operationId(), team.discord() + "/test", admin, null);
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        WorkspaceOrderCases.Team team = WorkspaceOrderCases.team(api, fixtures);
        team.connectDiscord(api, fixtures);
        // The caller's member item with the session check, the integration (then Discord).
        return new Budgeted(team.discord() + "/test", team.admin().token(), null, List.of("BatchGetItem", "GetItem"));
    }
}
