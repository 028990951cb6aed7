package dev.orderchainer.localcloud.spec;

import java.util.List;

class ListWorkspaceDiscordWebhooksCases implements OperationCases {
    @Override
    public String operationId() {
        return "listWorkspaceDiscordWebhooks";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/workspaces/" + WorkspaceOrderCases.SAMPLE_WORKSPACE + "/discord/webhooks", null);
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        WorkspaceOrderCases.Team team = WorkspaceOrderCases.team(api, fixtures);
        String admin = team.admin().token();
        api.json(operationId(), team.webhooks(), team.viewer().token(), null);
        team.addWebhook(api, fixtures, "Releases");
        api.json(operationId(), team.webhooks(), team.viewer().token(), null);
        api.json(operationId(), team.webhooks(), fixtures.person().token(), null);
        api.json(operationId(), "/api/workspaces/" + WorkspaceOrderCases.SAMPLE_WORKSPACE + "/discord/webhooks", admin, null);
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        WorkspaceOrderCases.Team team = WorkspaceOrderCases.team(api, fixtures);
        team.addWebhook(api, fixtures, "Releases");
        // The caller's member item with the session check, the webhooks.
        return new Budgeted(team.webhooks(), team.viewer().token(), null, List.of("BatchGetItem", "Query"));
    }
}
