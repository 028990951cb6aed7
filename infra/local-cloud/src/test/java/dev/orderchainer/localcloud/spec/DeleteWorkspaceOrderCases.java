package dev.orderchainer.localcloud.spec;

import static dev.orderchainer.local.JsonText.json;

import java.util.List;

class DeleteWorkspaceOrderCases implements OperationCases {
    @Override
    public String operationId() {
        return "deleteWorkspaceOrder";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/workspaces/" + WorkspaceOrderCases.SAMPLE_WORKSPACE + "/orders/" + SpecFixtures.UNKNOWN_ORDER, null);
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        WorkspaceOrderCases.Team team = WorkspaceOrderCases.team(api, fixtures);
        String first = team.order(api, fixtures, "Spec");
        String second = fixtures.workspaceOrder(api, team.member().token(), team.workspaceId(),
                json("title", "Child", "dependencies", List.of(first)));
        String owners = fixtures.workspaceOrder(api, team.owner().token(), team.workspaceId(), json("title", "The owner's"));
        api.json(operationId(), team.orders() + "/" + owners, team.member().token(), null);
        api.json(operationId(), team.orders() + "/" + first, team.member().token(), null);
        api.json(operationId(), team.orders() + "/" + second, team.member().token(), null);
        api.json(operationId(), team.orders() + "/" + owners, team.people().get(1).token(), null);
        api.json(operationId(), team.orders() + "/" + SpecFixtures.UNKNOWN_ORDER, team.member().token(), null);
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        SpecFixtures.Person owner = fixtures.person();
        String workspace = fixtures.workspace(api, owner, "Budget");
        String order = fixtures.workspaceOrder(api, owner.token(), workspace, json("title", "Budget"));
        // As in the personal workspace, with the member item read in the session check's call.
        return new Budgeted("/api/workspaces/" + workspace + "/orders/" + order, owner.token(), null,
                List.of("BatchGetItem", "GetItem", "GetItem", "UpdateItem", "TransactWriteItems"));
    }
}
