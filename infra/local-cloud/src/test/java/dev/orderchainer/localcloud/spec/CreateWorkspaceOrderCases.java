package dev.orderchainer.localcloud.spec;

import static dev.orderchainer.local.JsonText.json;

import dev.orderchainer.workspaces.domain.Role;
import java.util.List;

class CreateWorkspaceOrderCases implements OperationCases {
    @Override
    public String operationId() {
        return "createWorkspaceOrder";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/workspaces/" + WorkspaceOrderCases.SAMPLE_WORKSPACE + "/orders", json("title", "Sample"));
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        WorkspaceOrderCases.Team team = WorkspaceOrderCases.team(api, fixtures);
        String member = team.member().token();
        String first = team.order(api, fixtures, "Spec");
        api.json(operationId(), team.orders(), member, json("title", "Assigned", "assignee", team.viewer().userId()));
        api.json(operationId(), team.orders(), member, json("title", "t", "assignee", fixtures.person().userId()));
        api.json(operationId(), team.orders(), team.viewer().token(), json("title", "A viewer's"));
        api.json(operationId(), team.orders(), fixtures.person().token(), json("title", "A stranger's"));
        api.json(operationId(), team.orders(), member, json("title", "t", "dependencies", List.of(SpecFixtures.UNKNOWN_ORDER)));
        api.json(operationId(), team.orders(), member, json("title", "t", "status", "active", "dependencies", List.of(first)));
        CreateOrderCases.fillWithDependents(fixtures, team.workspaceId(), first);
        api.json(operationId(), team.orders(), member, json("title", "One too many", "dependencies", List.of(first)));
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        SpecFixtures.Person owner = fixtures.person();
        String workspace = fixtures.workspace(api, owner, "Budget");
        SpecFixtures.Person assignee = fixtures.person();
        fixtures.join(workspace, assignee, Role.MEMBER);
        // The caller's member item with the session check, the assignee's member item, the new order.
        return new Budgeted("/api/workspaces/" + workspace + "/orders", owner.token(), json("title", "Budget", "assignee", assignee.userId()),
                List.of("BatchGetItem", "GetItem", "PutItem"));
    }
}
