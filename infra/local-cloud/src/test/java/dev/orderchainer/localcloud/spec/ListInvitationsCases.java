package dev.orderchainer.localcloud.spec;

import dev.orderchainer.workspaces.domain.Role;
import java.util.List;

class ListInvitationsCases implements OperationCases {
    @Override
    public String operationId() {
        return "listInvitations";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/workspaces/ws_000000000000000000000000/invitations", null);
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        List<SpecFixtures.Person> team = fixtures.teamOfEachRole(api, "Spec team");
        fixtures.invite(api, team.get(1), fixtures.lastWorkspace(), fixtures.person(), Role.MEMBER);
        api.json(operationId(), "/api/workspaces/" + fixtures.lastWorkspace() + "/invitations", team.get(3).token(), null);
        api.json(operationId(), "/api/workspaces/" + team.get(0).userId() + "/invitations", team.get(0).token(), null);
        api.json(operationId(), "/api/workspaces/" + fixtures.lastWorkspace() + "/invitations", fixtures.person().token(), null);
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        SpecFixtures.Person owner = fixtures.person();
        String workspace = fixtures.workspace(api, owner, "Budget");
        fixtures.invite(api, owner, workspace, fixtures.person(), Role.VIEWER);
        // The caller's member item with the session check, then the workspace's invitations.
        return new Budgeted("/api/workspaces/" + workspace + "/invitations", owner.token(), null, List.of("BatchGetItem", "Query"));
    }
}
