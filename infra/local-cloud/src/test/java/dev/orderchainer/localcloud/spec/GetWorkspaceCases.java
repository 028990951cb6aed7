package dev.orderchainer.localcloud.spec;

import java.util.List;

class GetWorkspaceCases implements OperationCases {
    @Override
    public String operationId() {
        return "getWorkspace";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/workspaces/ws_000000000000000000000000", null);
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        List<SpecFixtures.Person> team = fixtures.teamOfEachRole(api, "Spec team");
        String workspace = fixtures.lastWorkspace();
        api.json(operationId(), "/api/workspaces/" + workspace, team.get(3).token(), null);
        api.json(operationId(), "/api/workspaces/" + team.get(3).userId(), team.get(3).token(), null);
        api.json(operationId(), "/api/workspaces/" + workspace, fixtures.person().token(), null);
        api.json(operationId(), "/api/workspaces/" + team.get(0).userId(), team.get(3).token(), null);
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        SpecFixtures.Person owner = fixtures.person();
        String workspace = fixtures.workspace(api, owner, "Budget");
        // The workspace, the caller's member item and the session's revocation entry in one consistent read.
        return new Budgeted("/api/workspaces/" + workspace, owner.token(), null, List.of("BatchGetItem"));
    }
}
