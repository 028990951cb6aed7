package dev.orderchainer.localcloud.spec;

import static dev.orderchainer.local.JsonText.json;

import java.util.List;

class UpdateWorkspaceOrderCases implements OperationCases {
    @Override
    public String operationId() {
        return "updateWorkspaceOrder";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/workspaces/" + WorkspaceOrderCases.SAMPLE_WORKSPACE + "/orders/" + SpecFixtures.UNKNOWN_ORDER,
                json("title", "Renamed"));
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        WorkspaceOrderCases.Team team = WorkspaceOrderCases.team(api, fixtures);
        String member = team.member().token();
        String first = team.order(api, fixtures, "Spec");
        String second = fixtures.workspaceOrder(api, member, team.workspaceId(), json("title", "Child", "dependencies", List.of(first)));
        api.json(operationId(), team.orders() + "/" + first, member, json("assignee", team.viewer().userId()));
        api.json(operationId(), team.orders() + "/" + first, member, "{\"assignee\":null}");
        api.json(operationId(), team.orders() + "/" + first, member, json("assignee", fixtures.person().userId()));
        api.json(operationId(), team.orders() + "/" + first, team.viewer().token(), json("title", "A viewer's"));
        api.json(operationId(), team.orders() + "/" + first, fixtures.person().token(), json("title", "A stranger's"));
        api.json(operationId(), team.orders() + "/" + SpecFixtures.UNKNOWN_ORDER, member, json("title", "Spec 2"));
        api.json(operationId(), team.orders() + "/" + second, member, json("status", "completed"));
        String other = team.order(api, fixtures, "Other");
        CreateOrderCases.fillWithDependents(fixtures, team.workspaceId(), first);
        api.json(operationId(), team.orders() + "/" + other, member, json("dependencies", List.of(first)));
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        SpecFixtures.Person owner = fixtures.person();
        String workspace = fixtures.workspace(api, owner, "Budget");
        String order = fixtures.workspaceOrder(api, owner.token(), workspace, json("title", "Budget"));
        // The caller's member item with the session check, the order, the new version: as in the personal workspace.
        return new Budgeted("/api/workspaces/" + workspace + "/orders/" + order, owner.token(), json("title", "Renamed"),
                List.of("BatchGetItem", "GetItem", "UpdateItem"));
    }
}
