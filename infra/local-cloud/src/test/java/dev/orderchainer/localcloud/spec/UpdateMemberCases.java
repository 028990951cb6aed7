package dev.orderchainer.localcloud.spec;

import static dev.orderchainer.local.JsonText.json;

import dev.orderchainer.workspaces.domain.Role;
import java.util.List;

class UpdateMemberCases implements OperationCases {
    @Override
    public String operationId() {
        return "updateMember";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/workspaces/ws_000000000000000000000000/members/8f14e45f-ea23-4f40-8d1b-2b17c07fb62d", json("role", "admin"));
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        List<SpecFixtures.Person> team = fixtures.teamOfEachRole(api, "Spec team");
        String members = "/api/workspaces/" + fixtures.lastWorkspace() + "/members/";
        SpecFixtures.Person owner = team.get(0);
        SpecFixtures.Person admin = team.get(1);
        api.json(operationId(), members + team.get(3).userId(), admin.token(), json("role", "member"));
        api.json(operationId(), members + team.get(3).userId(), admin.token(), json("role", "owner"));
        api.json(operationId(), members + team.get(3).userId(), admin.token(), json("role", "superuser"));
        api.json(operationId(), members + team.get(3).userId(), admin.token(), "{}");
        api.json(operationId(), members + owner.userId(), owner.token(), json("role", "admin"));
        api.json(operationId(), members + "8f14e45f-ea23-4f40-8d1b-2b17c07fb62d", admin.token(), json("role", "admin"));
        api.json(operationId(), "/api/workspaces/" + owner.userId() + "/members/" + owner.userId(), owner.token(), json("role", "admin"));
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        SpecFixtures.Person owner = fixtures.person();
        String workspace = fixtures.workspace(api, owner, "Budget");
        SpecFixtures.Person viewer = fixtures.person();
        fixtures.join(workspace, viewer, Role.VIEWER);
        // The caller's member item with the session check, the target's member item, the role change.
        return new Budgeted("/api/workspaces/" + workspace + "/members/" + viewer.userId(), owner.token(), json("role", "member"),
                List.of("BatchGetItem", "GetItem", "TransactWriteItems"));
    }
}
