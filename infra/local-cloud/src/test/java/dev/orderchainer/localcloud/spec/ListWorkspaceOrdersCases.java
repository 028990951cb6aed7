package dev.orderchainer.localcloud.spec;

import static dev.orderchainer.local.JsonText.json;

import java.util.List;

class ListWorkspaceOrdersCases implements OperationCases {
    @Override
    public String operationId() {
        return "listWorkspaceOrders";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/workspaces/" + WorkspaceOrderCases.SAMPLE_WORKSPACE + "/orders", null);
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        WorkspaceOrderCases.Team team = WorkspaceOrderCases.team(api, fixtures);
        fixtures.workspaceOrder(api, team.member().token(), team.workspaceId(), json("title", "Mine", "assignee", team.member().userId()));
        for (String query : List.of("", "?assignee=me", "?view=ready", "?status=pending", "?limit=0")) {
            api.json(operationId(), team.orders() + query, team.viewer().token(), null);
        }
        api.json(operationId(), team.orders(), fixtures.person().token(), null);
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        SpecFixtures.Person owner = fixtures.person();
        String workspace = fixtures.workspace(api, owner, "Budget");
        fixtures.workspaceOrder(api, owner.token(), workspace, json("title", "Budget"));
        // The caller's member item with the session check, one page (+ BatchGetItem for the page's dependencies): as many
        // calls as in the personal workspace.
        return new Budgeted("/api/workspaces/" + workspace + "/orders", owner.token(), null, List.of("BatchGetItem", "Query"));
    }
}
