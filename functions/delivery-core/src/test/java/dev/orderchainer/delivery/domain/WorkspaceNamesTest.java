package dev.orderchainer.delivery.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orderchainer.local.LocalServices;
import dev.orderchainer.workspaces.domain.Member;
import dev.orderchainer.workspaces.domain.Role;
import dev.orderchainer.workspaces.domain.Workspace;
import dev.orderchainer.workspaces.domain.WorkspaceIds;
import dev.orderchainer.workspaces.store.DynamoDbWorkspaceStore;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {workspace} in a template: a team's name as stored, "Personal" for a personal workspace, nothing once a team is gone. */
class WorkspaceNamesTest {
    private final DynamoDbWorkspaceStore store = new DynamoDbWorkspaceStore(LocalServices.shared().dynamoDb(), "AppTable");
    private final WorkspaceNames names = WorkspaceNames.of(store);

    @Test
    void aTeamByItsNameAPersonalWorkspaceAsPersonal() {
        String id = WorkspaceIds.next();
        String owner = UUID.randomUUID().toString();
        store.create(new Workspace(id, "Larder", false, 1, Instant.now()), new Member(id, owner, "ada", Role.OWNER, Instant.now()));
        assertEquals("Larder", names.of(id));
        assertEquals("Personal", names.of(owner));
        assertEquals("", names.of(WorkspaceIds.next()));
    }
}
