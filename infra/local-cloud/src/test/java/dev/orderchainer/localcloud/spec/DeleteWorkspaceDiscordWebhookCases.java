package dev.orderchainer.localcloud.spec;

import java.util.List;

class DeleteWorkspaceDiscordWebhookCases implements OperationCases {
    @Override
    public String operationId() {
        return "deleteWorkspaceDiscordWebhook";
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
        api.json(operationId(), second, team.member().token(), null);
        api.json(operationId(), second, admin, null);
        api.json(operationId(), second, admin, null);
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        WorkspaceOrderCases.Team team = WorkspaceOrderCases.team(api, fixtures);
        team.addWebhook(api, fixtures, "First");
        String second = team.addWebhook(api, fixtures, "Second");
        // The caller's member item with the session check, the webhook, who removes it, the removal with the count.
        return new Budgeted(second, team.admin().token(), null, List.of("BatchGetItem", "BatchGetItem", "UpdateItem", "TransactWriteItems"));
    }
}
