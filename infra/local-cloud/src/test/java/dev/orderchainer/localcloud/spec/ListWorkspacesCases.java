package dev.orderchainer.localcloud.spec;

import java.util.List;

class ListWorkspacesCases implements OperationCases {
    @Override
    public String operationId() {
        return "listWorkspaces";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/workspaces", null);
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        SpecFixtures.Person owner = fixtures.person();
        api.json(operationId(), "/api/workspaces", owner.token(), null);
        fixtures.workspace(api, owner, "Spec team");
        api.json(operationId(), "/api/workspaces", owner.token(), null);
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        SpecFixtures.Person owner = fixtures.person();
        fixtures.workspace(api, owner, "Budget");
        // The session check, the account (the personal workspace), the memberships, then their workspaces and roles at once.
        return new Budgeted("/api/workspaces", owner.token(), null, List.of("GetItem", "GetItem", "Query", "BatchGetItem"));
    }
}
