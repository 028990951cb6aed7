package dev.orderchainer.localcloud.spec;

import static dev.orderchainer.local.JsonText.json;

import java.util.List;

class GetWorkspaceOrderCases implements OperationCases {
    @Override
    public String operationId() {
        return "getWorkspaceOrder";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/workspaces/" + WorkspaceOrderCases.SAMPLE_WORKSPACE + "/orders/" + SpecFixtures.UNKNOWN_ORDER, null);
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        WorkspaceOrderCases.Team team = WorkspaceOrderCases.team(api, fixtures);
        String order = team.order(api, fixtures, "Read");
        api.json(operationId(), team.orders() + "/" + order, team.viewer().token(), null);
        api.json(operationId(), team.orders() + "/" + SpecFixtures.UNKNOWN_ORDER, team.viewer().token(), null);
        api.json(operationId(), team.orders() + "/" + order, fixtures.person().token(), null);
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        SpecFixtures.Person owner = fixtures.person();
        String workspace = fixtures.workspace(api, owner, "Budget");
        String order = fixtures.workspaceOrder(api, owner.token(), workspace, json("title", "Budget"));
        // The order, the caller's member item and the session's revocation entry in one consistent read: one call, as in the
        // personal workspace (+ BatchGetItem for dependencies).
        return new Budgeted("/api/workspaces/" + workspace + "/orders/" + order, owner.token(), null, List.of("BatchGetItem"));
    }
}
