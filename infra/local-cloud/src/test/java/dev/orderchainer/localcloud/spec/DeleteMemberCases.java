package dev.orderchainer.localcloud.spec;

import dev.orderchainer.workspaces.domain.Role;
import java.util.List;

class DeleteMemberCases implements OperationCases {
    @Override
    public String operationId() {
        return "deleteMember";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/workspaces/ws_000000000000000000000000/members/8f14e45f-ea23-4f40-8d1b-2b17c07fb62d", null);
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        List<SpecFixtures.Person> team = fixtures.teamOfEachRole(api, "Spec team");
        String members = "/api/workspaces/" + fixtures.lastWorkspace() + "/members/";
        SpecFixtures.Person owner = team.get(0);
        api.json(operationId(), members + team.get(3).userId(), team.get(2).token(), null);
        api.json(operationId(), members + owner.userId(), team.get(1).token(), null);
        api.json(operationId(), members + owner.userId(), owner.token(), null);
        api.json(operationId(), members + team.get(3).userId(), team.get(1).token(), null);
        api.json(operationId(), members + team.get(2).userId(), team.get(2).token(), null);
        api.json(operationId(), members + team.get(2).userId(), team.get(1).token(), null);
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        SpecFixtures.Person owner = fixtures.person();
        String workspace = fixtures.workspace(api, owner, "Budget");
        SpecFixtures.Person viewer = fixtures.person();
        fixtures.join(workspace, viewer, Role.VIEWER);
        // The caller's member item with the session check, the target's member item, its removal with the counts.
        return new Budgeted("/api/workspaces/" + workspace + "/members/" + viewer.userId(), owner.token(), null,
                List.of("BatchGetItem", "GetItem", "UpdateItem", "TransactWriteItems"));
    }
}
