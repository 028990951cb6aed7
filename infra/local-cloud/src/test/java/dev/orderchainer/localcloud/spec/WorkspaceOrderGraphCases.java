package dev.orderchainer.localcloud.spec;

import static dev.orderchainer.local.JsonText.json;

import java.util.List;

class WorkspaceOrderGraphCases implements OperationCases {
    @Override
    public String operationId() {
        return "workspaceOrderGraph";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/workspaces/" + WorkspaceOrderCases.SAMPLE_WORKSPACE + "/orders/graph", null);
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        WorkspaceOrderCases.Team team = WorkspaceOrderCases.team(api, fixtures);
        String first = team.order(api, fixtures, "Spec");
        for (String query : List.of("", "?format=mermaid", "?format=dot&root=" + first, "?format=gif", "?root=" + SpecFixtures.UNKNOWN_ORDER)) {
            api.json(operationId(), team.orders() + "/graph" + query, team.viewer().token(), null);
        }
        api.json(operationId(), team.orders() + "/graph", fixtures.person().token(), null);
        SpecFixtures.Person owner = fixtures.person();
        String crowded = fixtures.workspace(api, owner, "Crowded");
        OrderGraphCases.crowd(fixtures, crowded);
        api.json(operationId(), "/api/workspaces/" + crowded + "/orders/graph", owner.token(), null);
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        SpecFixtures.Person owner = fixtures.person();
        String workspace = fixtures.workspace(api, owner, "Budget");
        fixtures.workspaceOrder(api, owner.token(), workspace, json("title", "Budget"));
        // The caller's member item with the session check, the workspace's orders page by page.
        return new Budgeted("/api/workspaces/" + workspace + "/orders/graph", owner.token(), null, List.of("BatchGetItem", "Query"));
    }
}
