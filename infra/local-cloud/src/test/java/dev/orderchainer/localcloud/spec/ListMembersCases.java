package dev.orderchainer.localcloud.spec;

import java.util.List;

class ListMembersCases implements OperationCases {
    @Override
    public String operationId() {
        return "listMembers";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/workspaces/ws_000000000000000000000000/members", null);
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        List<SpecFixtures.Person> team = fixtures.teamOfEachRole(api, "Spec team");
        api.json(operationId(), "/api/workspaces/" + fixtures.lastWorkspace() + "/members", team.get(3).token(), null);
        api.json(operationId(), "/api/workspaces/" + fixtures.lastWorkspace() + "/members", fixtures.person().token(), null);
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        SpecFixtures.Person owner = fixtures.person();
        String workspace = fixtures.workspace(api, owner, "Budget");
        // The member item with the session check, then the members.
        return new Budgeted("/api/workspaces/" + workspace + "/members", owner.token(), null, List.of("BatchGetItem", "Query"));
    }
}
