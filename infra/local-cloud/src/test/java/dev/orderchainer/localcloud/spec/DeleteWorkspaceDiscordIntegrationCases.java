package dev.orderchainer.localcloud.spec;

import java.util.List;

class DeleteWorkspaceDiscordIntegrationCases implements OperationCases {
    @Override
    public String operationId() {
        return "deleteWorkspaceDiscordIntegration";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/workspaces/" + WorkspaceOrderCases.SAMPLE_WORKSPACE + "/discord", null);
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        WorkspaceOrderCases.Team team = WorkspaceOrderCases.team(api, fixtures);
        api.json(operationId(), team.discord(), team.admin().token(), null);
        team.connectDiscord(api, fixtures);
        api.json(operationId(), team.discord(), team.member().token(), null);
        api.json(operationId(), team.discord(), team.admin().token(), null);
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        WorkspaceOrderCases.Team team = WorkspaceOrderCases.team(api, fixtures);
        team.connectDiscord(api, fixtures);
        // The caller's member item with the session check, the first webhook, who removes it, the delete.
        return new Budgeted(team.discord(), team.admin().token(), null, List.of("BatchGetItem", "GetItem", "UpdateItem", "DeleteItem"));
    }
}
