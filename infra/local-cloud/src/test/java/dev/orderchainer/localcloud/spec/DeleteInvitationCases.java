package dev.orderchainer.localcloud.spec;

import dev.orderchainer.workspaces.domain.Role;
import java.util.List;

class DeleteInvitationCases implements OperationCases {
    @Override
    public String operationId() {
        return "deleteInvitation";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/workspaces/ws_000000000000000000000000/invitations/inv_000000000000000000000000", null);
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        List<SpecFixtures.Person> team = fixtures.teamOfEachRole(api, "Spec team");
        String workspace = fixtures.lastWorkspace();
        String token = fixtures.invite(api, team.get(1), workspace, fixtures.person(), Role.MEMBER);
        String invitation = "/api/workspaces/" + workspace + "/invitations/" + token.split("\\.")[1];
        api.json(operationId(), invitation, team.get(2).token(), null);
        api.json(operationId(), invitation, team.get(1).token(), null);
        api.json(operationId(), invitation, team.get(1).token(), null);
        api.json(operationId(), "/api/workspaces/" + team.get(0).userId() + "/invitations/inv_000000000000000000000000", team.get(0).token(), null);
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        SpecFixtures.Person owner = fixtures.person();
        String workspace = fixtures.workspace(api, owner, "Budget");
        String token = fixtures.invite(api, owner, workspace, fixtures.person(), Role.VIEWER);
        // The caller's member item with the session check, the invitation, who revokes it on its last image, its deletion.
        return new Budgeted("/api/workspaces/" + workspace + "/invitations/" + token.split("\\.")[1], owner.token(), null,
                List.of("BatchGetItem", "GetItem", "UpdateItem", "DeleteItem"));
    }
}
