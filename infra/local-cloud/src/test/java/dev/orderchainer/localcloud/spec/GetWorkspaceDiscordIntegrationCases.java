package dev.orderchainer.localcloud.spec;

import java.util.List;

class GetWorkspaceDiscordIntegrationCases implements OperationCases {
    @Override
    public String operationId() {
        return "getWorkspaceDiscordIntegration";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/workspaces/" + WorkspaceOrderCases.SAMPLE_WORKSPACE + "/discord", null);
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        WorkspaceOrderCases.Team team = WorkspaceOrderCases.team(api, fixtures);
        api.json(operationId(), team.discord(), team.viewer().token(), null);
        team.connectDiscord(api, fixtures);
        api.json(operationId(), team.discord(), team.viewer().token(), null);
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        WorkspaceOrderCases.Team team = WorkspaceOrderCases.team(api, fixtures);
        team.connectDiscord(api, fixtures);
        // The integration, the caller's member item and the session's revocation entry in one consistent read.
        return new Budgeted(team.discord(), team.viewer().token(), null, List.of("BatchGetItem"));
    }
}
