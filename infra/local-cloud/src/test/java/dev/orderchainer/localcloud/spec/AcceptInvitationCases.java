package dev.orderchainer.localcloud.spec;

import static dev.orderchainer.local.JsonText.json;

import dev.orderchainer.workspaces.domain.Role;
import java.util.List;

class AcceptInvitationCases implements OperationCases {
    @Override
    public String operationId() {
        return "acceptInvitation";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/invitations/accept", json("token", "ws_000000000000000000000000.inv_000000000000000000000000."
                + "A".repeat(43)));
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        SpecFixtures.Person owner = fixtures.person();
        String workspace = fixtures.workspace(api, owner, "Spec team");
        SpecFixtures.Person invitee = fixtures.person();
        String token = fixtures.invite(api, owner, workspace, invitee, Role.MEMBER);
        api.json(operationId(), "/api/invitations/accept", fixtures.person().token(), json("token", token));
        api.json(operationId(), "/api/invitations/accept", invitee.token(), json("token", token));
        api.json(operationId(), "/api/invitations/accept", invitee.token(), json("token", token));
        api.json(operationId(), "/api/invitations/accept", invitee.token(), json("token", "nonsense"));
        api.json(operationId(), "/api/invitations/accept", invitee.token(), "{}");
        api.json(operationId(), "/api/invitations/accept", invitee.token(),
                json("token", fixtures.invite(api, owner, workspace, fixtures.person(), Role.VIEWER).replace(workspace, invitee.userId())));
        // Invited again while a member: the acceptance is refused, the invitation stays.
        fixtures.join(workspace, fixtures.person(), Role.VIEWER);
        SpecFixtures.Person twice = fixtures.person();
        String second = fixtures.invite(api, owner, workspace, twice, Role.VIEWER);
        fixtures.join(workspace, twice, Role.VIEWER);
        api.json(operationId(), "/api/invitations/accept", twice.token(), json("token", second));
        full(api, fixtures);
    }

    /** A workspace with 50 members takes no 51st. */
    private void full(SpecApi api, SpecFixtures fixtures) throws Exception {
        SpecFixtures.Person owner = fixtures.person();
        String workspace = fixtures.workspace(api, owner, "Full");
        SpecFixtures.Person late = fixtures.person();
        String token = fixtures.invite(api, owner, workspace, late, Role.VIEWER);
        for (int i = 1; i < 50; i++) {
            fixtures.join(workspace, fixtures.person(), Role.VIEWER);
        }
        api.json(operationId(), "/api/invitations/accept", late.token(), json("token", token));
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        SpecFixtures.Person owner = fixtures.person();
        String workspace = fixtures.workspace(api, owner, "Budget");
        SpecFixtures.Person invitee = fixtures.person();
        String token = fixtures.invite(api, owner, workspace, invitee, Role.MEMBER);
        // The session check, the invitation, the account, whether it is a member already, how many workspaces it has, the join.
        return new Budgeted("/api/invitations/accept", invitee.token(), json("token", token),
                List.of("GetItem", "GetItem", "GetItem", "GetItem", "Query", "TransactWriteItems"));
    }
}
