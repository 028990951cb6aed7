package dev.orderchainer.localcloud.spec;

import java.util.List;

class DeleteWorkspaceCases implements OperationCases {
    @Override
    public String operationId() {
        return "deleteWorkspace";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/workspaces/ws_000000000000000000000000", null);
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        List<SpecFixtures.Person> team = fixtures.teamOfEachRole(api, "Spec team");
        String url = "/api/workspaces/" + fixtures.lastWorkspace();
        api.json(operationId(), url, team.get(1).token(), null);
        api.json(operationId(), "/api/workspaces/" + team.get(0).userId(), team.get(0).token(), null);
        api.json(operationId(), url, team.get(0).token(), null);
        api.json(operationId(), url, team.get(0).token(), null);
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        SpecFixtures.Person owner = fixtures.person();
        String workspace = fixtures.workspace(api, owner, "Budget");
        // The member item with the session check; the workspace and its members; its Discord webhooks; the delete of all of them;
        // the members' listing items; then what the workspace held (nothing here).
        return new Budgeted("/api/workspaces/" + workspace, owner.token(), null,
                List.of("BatchGetItem", "GetItem", "Query", "Query", "TransactWriteItems", "BatchWriteItem", "Query"));
    }
}
