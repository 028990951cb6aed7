package dev.orderchainer.workspaces.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The permission table as DESIGN.md states it, role by role. */
class PermissionTableTest {
    private static final Map<Role, Set<Action>> ALLOWED = Map.of(
            Role.VIEWER, EnumSet.of(Action.READ),
            Role.MEMBER, EnumSet.of(Action.READ, Action.EDIT_ORDERS, Action.DELETE_OWN_ORDER),
            Role.ADMIN, EnumSet.complementOf(EnumSet.of(Action.GRANT_OWNER, Action.DELETE_WORKSPACE)),
            Role.OWNER, EnumSet.allOf(Action.class));

    @Test
    void eachRoleMayDoExactlyWhatTheDesignGivesIt() {
        for (Role role : Role.values()) {
            for (Action action : Action.values()) {
                Access access = new Access("ws_000000000000000000000001", "u", role);
                assertEquals(ALLOWED.get(role).contains(action), access.may(action), role + " " + action);
                if (ALLOWED.get(role).contains(action)) {
                    assertSame(access, access.require(action));
                } else {
                    RoleTooSmallException refused = assertThrows(RoleTooSmallException.class, () -> access.require(action));
                    assertEquals(role.wire(), refused.facts().get("role"));
                    assertEquals(action.minimum().wire(), refused.facts().get("required_role"));
                    assertTrue(refused.getMessage().contains(action.meaning()), refused.getMessage());
                }
            }
        }
    }

    @Test
    void eachRoleIncludesTheOnesBelowItAndNoneAbove() {
        assertTrue(Role.OWNER.includes(Role.ADMIN));
        assertTrue(Role.ADMIN.includes(Role.ADMIN));
        assertTrue(Role.MEMBER.includes(Role.VIEWER));
        assertFalse(Role.MEMBER.includes(Role.ADMIN));
        assertFalse(Role.VIEWER.includes(Role.MEMBER));
    }

    @Test
    void rolesReadAndWriteTheirWireNames() {
        assertEquals(Optional.of(Role.ADMIN), Role.parse("admin"));
        assertEquals(Optional.empty(), Role.parse("ADMIN"));
        assertEquals(Optional.empty(), Role.parse("superuser"));
        assertEquals("viewer, member, admin, owner", Role.names());
        assertEquals("owner", Role.OWNER.wire());
    }

    @Test
    void thePersonalWorkspaceIsTheOwnersOwnWithTheOwnerRole() {
        Access personal = Access.personal("user-1");
        assertEquals("user-1", personal.workspaceId());
        assertEquals(Role.OWNER, personal.role());
        assertTrue(personal.personalWorkspace());
        assertFalse(new Access("ws_000000000000000000000001", "user-1", Role.OWNER).personalWorkspace());
    }

    @Test
    void teamWorkspaceIdsAreRandomAndNeverAUserId() {
        String id = WorkspaceIds.next();
        assertTrue(WorkspaceIds.isTeam(id), id);
        assertEquals(27, id.length());
        assertFalse(id.equals(WorkspaceIds.next()));
        assertFalse(WorkspaceIds.isTeam("3f2b8e1c-2d4a-4b7e-9c1d-0a1b2c3d4e5f"));
        assertFalse(WorkspaceIds.isTeam("ws_00000000000000000000000"));
        assertFalse(WorkspaceIds.isTeam("ws_0000000000000000000000000"));
        assertFalse(WorkspaceIds.isTeam("ws_00000000000000000000000G"));
        assertFalse(WorkspaceIds.isTeam(null));
    }
}
