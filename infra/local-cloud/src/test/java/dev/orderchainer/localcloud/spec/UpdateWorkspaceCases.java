package dev.orderchainer.localcloud.spec;

import static dev.orderchainer.local.JsonText.json;

import java.util.List;

class UpdateWorkspaceCases implements OperationCases {
    @Override
    public String operationId() {
        return "updateWorkspace";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/workspaces/ws_000000000000000000000000", json("name", "Renamed"));
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        List<SpecFixtures.Person> team = fixtures.teamOfEachRole(api, "Spec team");
        String url = "/api/workspaces/" + fixtures.lastWorkspace();
        api.json(operationId(), url, team.get(1).token(), json("name", "Renamed by the admin"));
        api.json(operationId(), url, team.get(2).token(), json("name", "Renamed by a member"));
        api.json(operationId(), url, team.get(1).token(), json("name", " "));
        api.json(operationId(), url, fixtures.person().token(), json("name", "Renamed by a stranger"));
        api.json(operationId(), "/api/workspaces/" + team.get(0).userId(), team.get(0).token(), json("name", "My own"));
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        SpecFixtures.Person owner = fixtures.person();
        String workspace = fixtures.workspace(api, owner, "Budget");
        // The member item with the session check, then the rename, which returns the workspace.
        return new Budgeted("/api/workspaces/" + workspace, owner.token(), json("name", "Budgeted"), List.of("BatchGetItem", "UpdateItem"));
    }
}
