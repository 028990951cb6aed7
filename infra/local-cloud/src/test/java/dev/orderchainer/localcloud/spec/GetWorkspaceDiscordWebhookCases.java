package dev.orderchainer.localcloud.spec;

import java.util.List;

class GetWorkspaceDiscordWebhookCases implements OperationCases {
    @Override
    public String operationId() {
        return "getWorkspaceDiscordWebhook";
    }

    @Override
    public Sample sample() {
        return new Sample(WorkspaceOrderCases.SAMPLE_WEBHOOK, null);
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        WorkspaceOrderCases.Team team = WorkspaceOrderCases.team(api, fixtures);
        String admin = team.admin().token();
        team.addWebhook(api, fixtures, "First");
        String second = team.addWebhook(api, fixtures, "Second");
        api.json(operationId(), second, team.viewer().token(), null);
        api.json(operationId(), team.webhooks() + "/" + WorkspaceOrderCases.NO_WEBHOOK, admin, null);
        api.json(operationId(), team.webhooks() + "/not-an-id", admin, null);
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        WorkspaceOrderCases.Team team = WorkspaceOrderCases.team(api, fixtures);
        team.addWebhook(api, fixtures, "First");
        String second = team.addWebhook(api, fixtures, "Second");
        // It (at the first's key or its own), the caller's member item and the session's revocation entry in one read.
        return new Budgeted(second, team.viewer().token(), null, List.of("BatchGetItem"));
    }
}
