package dev.orderchainer.localcloud.spec;

import static dev.orderchainer.local.JsonText.json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class CreateInvitationCases implements OperationCases {
    @Override
    public String operationId() {
        return "createInvitation";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/workspaces/ws_000000000000000000000000/invitations", json("email", "grace@example.org", "role", "member"));
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        List<SpecFixtures.Person> team = fixtures.teamOfEachRole(api, "Spec team");
        String invitations = "/api/workspaces/" + fixtures.lastWorkspace() + "/invitations";
        SpecFixtures.Person admin = team.get(1);
        api.json(operationId(), invitations, admin.token(), json("email", "ken@example.org", "role", "member"));
        api.json(operationId(), invitations, admin.token(), json("email", "KEN@example.org", "role", "admin"));
        api.json(operationId(), invitations, admin.token(), json("email", "ken2@example.org", "role", "owner"));
        api.json(operationId(), invitations, team.get(2).token(), json("email", "ken3@example.org", "role", "viewer"));
        api.json(operationId(), invitations, admin.token(), json("email", "not an address", "role", "viewer"));
        api.json(operationId(), invitations, admin.token(), json("email", "ken4@example.org"));
        String personal = "/api/workspaces/" + admin.userId() + "/invitations";
        api.json(operationId(), personal, admin.token(), json("email", "k@example.org", "role", "member"));
        api.json(operationId(), invitations, fixtures.person().token(), json("email", "ken5@example.org", "role", "viewer"));
        fixtures.pendingInvitations(fixtures.lastWorkspace(), 49);
        api.json(operationId(), invitations, team.get(0).token(), json("email", "one-more@example.org", "role", "viewer"));
        mailFails(api, fixtures);
        SpecFixtures.Person hasty = fixtures.person();
        String workspace = fixtures.workspace(api, hasty, "Hasty");
        for (int i = 0; i <= 20; i++) {
            api.json(operationId(), "/api/workspaces/" + workspace + "/invitations", hasty.token(), json("email", "h" + i + "@example.org",
                    "role", "viewer"));
        }
    }

    /** The mail cannot be written (a file stands where the mail folder goes): 502 and no invitation kept. */
    private void mailFails(SpecApi api, SpecFixtures fixtures) throws Exception {
        SpecFixtures.Person owner = fixtures.person();
        String workspace = fixtures.workspace(api, owner, "Unmailed");
        Path mail = Path.of(".local/mail");
        Path aside = Path.of(".local/mail-aside");
        Files.move(mail, aside);
        try {
            Files.writeString(mail, "not a folder");
            api.json(operationId(), "/api/workspaces/" + workspace + "/invitations", owner.token(),
                    json("email", "lost@example.org", "role", "viewer"));
        } finally {
            Files.delete(mail);
            Files.move(aside, mail);
        }
        api.json("listInvitations", "/api/workspaces/" + workspace + "/invitations", owner.token(), null);
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        SpecFixtures.Person owner = fixtures.person();
        String workspace = fixtures.workspace(api, owner, "Budget");
        // The caller's member item with the session check, the pending invitations, the workspace's name and the inviter's for
        // the mail, the inviter's hourly count, the invitation.
        return new Budgeted("/api/workspaces/" + workspace + "/invitations", owner.token(), json("email", "b@example.org", "role", "member"),
                List.of("BatchGetItem", "Query", "GetItem", "GetItem", "UpdateItem", "PutItem"));
    }
}
