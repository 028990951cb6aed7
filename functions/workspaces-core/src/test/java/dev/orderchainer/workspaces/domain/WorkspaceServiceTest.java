package dev.orderchainer.workspaces.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.common.domain.ChangedBy;
import dev.orderchainer.common.domain.InvalidInputException;
import dev.orderchainer.workspaces.testing.InMemoryAccounts;
import dev.orderchainer.workspaces.testing.InMemoryWorkspaceStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkspaceServiceTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private final InMemoryWorkspaceStore store = new InMemoryWorkspaceStore();
    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final WorkspaceService service = new WorkspaceService(store, accounts, Clock.fixed(NOW, ZoneOffset.UTC));
    private String team;

    @BeforeEach
    void aTeamOwnedByAda() {
        accounts.add("ada", "ada");
        accounts.add("grace", "grace");
        accounts.add("linus", "linus");
        team = service.create("ada", "  Kitchen  ").id();
    }

    private Access as(String userId) {
        return new Access(team, userId, store.member(team, userId).orElseThrow().role());
    }

    private void join(String userId, Role role) {
        store.add(new Member(team, userId, userId, role, NOW.plusSeconds(store.members(team).size())), WorkspaceService.MAX_MEMBERS);
    }

    @Test
    void aNewWorkspaceHasItsCreatorAsItsOneOwner() {
        WorkspaceView created = service.get(as("ada"));
        assertEquals("Kitchen", created.name());
        assertEquals(Role.OWNER, created.role());
        assertEquals(1, created.memberCount());
        assertFalse(created.personal());
        assertEquals(NOW.toString(), created.createdAt());
        assertEquals(List.of(new MemberView("ada", "ada", Role.OWNER, NOW.toString())), service.members(as("ada")));
    }

    @Test
    void theListStartsWithThePersonalWorkspaceThenTheOthersByName() {
        service.create("ada", "bakery");
        service.create("ada", "Attic");
        List<WorkspaceView> list = service.list("ada");
        assertEquals(List.of("Personal", "Attic", "bakery", "Kitchen"), list.stream().map(WorkspaceView::name).toList());
        assertTrue(list.get(0).personal());
        assertEquals("ada", list.get(0).id());
        assertEquals(Role.OWNER, list.get(0).role());
        assertEquals(1, service.list("grace").size());
    }

    @Test
    void namesSortWithoutCaseAndTheSameNameByIdWhateverTheOrderOfCreation() {
        for (String name : new String[] {"zeta", "Delta", "omega", "Beta", "gamma", "Alpha"}) {
            service.create("ada", name);
        }
        List<String> sameName = new ArrayList<>(List.of(service.create("ada", "attic").id(), service.create("ada", "ATTIC").id()));
        Collections.sort(sameName);
        List<WorkspaceView> list = service.list("ada");
        assertEquals(List.of("Personal", "Alpha", "attic", "ATTIC", "Beta", "Delta", "gamma", "Kitchen", "omega", "zeta").size(), list.size());
        assertEquals(List.of("Alpha"), list.subList(1, 2).stream().map(WorkspaceView::name).toList());
        assertEquals(sameName, list.subList(2, 4).stream().map(WorkspaceView::id).toList());
        assertEquals(List.of("Beta", "Delta", "gamma", "Kitchen", "omega", "zeta"), list.subList(4, 10).stream().map(WorkspaceView::name).toList());
    }

    @Test
    void aWorkspaceDeletedSinceTheAccessWasCheckedIsNotFound() {
        Access ada = as("ada");
        service.delete(ada);
        assertThrows(WorkspaceNotFoundException.class, () -> service.get(ada));
    }

    @Test
    void aNameIsOneLineOfAtMost100Characters() {
        assertEquals("x".repeat(100), service.create("ada", "x".repeat(100)).name());
        assertThrows(InvalidInputException.class, () -> service.create("ada", "x".repeat(101)));
        assertThrows(InvalidInputException.class, () -> service.create("ada", "   "));
        assertThrows(InvalidInputException.class, () -> service.create("ada", "two\nlines"));
        assertThrows(InvalidInputException.class, () -> service.create("ada", null));
        assertThrows(InvalidInputException.class, () -> service.rename(as("ada"), ""));
    }

    @Test
    void aUserBelongsToAtMost50WorkspacesBesidesThePersonalOne() {
        for (int i = 1; i < WorkspaceService.MAX_WORKSPACES; i++) {
            service.create("ada", "w" + i);
        }
        TooManyWorkspacesException refused = assertThrows(TooManyWorkspacesException.class, () -> service.create("ada", "one more"));
        assertEquals(50, refused.facts().get("max_workspaces"));
        service.create("grace", "grace's own");
    }

    @Test
    void anUnknownAccountHasNoWorkspaces() {
        assertThrows(AccountNotFoundException.class, () -> service.create("nobody", "x"));
        assertThrows(AccountNotFoundException.class, () -> service.list("nobody"));
    }

    @Test
    void adminsRenameViewersAndMembersMayNot() {
        join("grace", Role.ADMIN);
        join("linus", Role.MEMBER);
        assertThrows(RoleTooSmallException.class, () -> service.rename(as("linus"), "Mine"));
        assertEquals("Larder", service.rename(as("grace"), "Larder").name());
        assertEquals(List.of("grace"), store.changedBy(), "the activity log's actor");
        assertEquals(List.of(NOW), store.changedAt(), "and when, to the millisecond the clock gives");
        assertEquals("Larder", service.get(as("linus")).name());
        assertEquals(Role.MEMBER, service.get(as("linus")).role());
    }

    @Test
    void thePersonalWorkspaceCannotBeRenamedDeletedSharedOrLeft() {
        Access personal = Access.personal("ada");
        assertThrows(PersonalWorkspaceException.class, () -> service.rename(personal, "Mine"));
        assertThrows(PersonalWorkspaceException.class, () -> service.delete(personal));
        assertThrows(PersonalWorkspaceException.class, () -> service.changeRole(personal, "ada", Role.ADMIN));
        PersonalWorkspaceException leaving = assertThrows(PersonalWorkspaceException.class, () -> service.remove(personal, "ada"));
        assertEquals(true, leaving.facts().get("personal"));
        assertEquals(List.of(new MemberView("ada", "ada", Role.OWNER, "2026-11-01T00:00:00Z")), service.members(personal));
        WorkspaceView view = service.get(personal);
        assertEquals("Personal", view.name());
        assertEquals("2026-11-01T00:00:00Z", view.createdAt());
    }

    @Test
    void onlyAnOwnerDeletesAndTheWorkspaceIsThenPurged() {
        join("grace", Role.ADMIN);
        assertThrows(RoleTooSmallException.class, () -> service.delete(as("grace")));
        assertEquals(List.of(), store.purged());
        service.delete(as("ada"));
        assertTrue(store.workspace(team).isEmpty());
        assertTrue(store.member(team, "grace").isEmpty());
        assertEquals(List.of(team), store.purged());
        assertEquals(1, service.list("grace").size());
    }

    @Test
    void aDeleteRacingAJoinIsDecidedAgainWithTheNewMember() {
        store.beforeNextWrite(() -> join("grace", Role.VIEWER));
        service.delete(as("ada"));
        assertTrue(store.member(team, "grace").isEmpty());
    }

    @Test
    void adminsSetRolesUpToAdmin() {
        join("grace", Role.ADMIN);
        join("linus", Role.VIEWER);
        assertEquals(Role.ADMIN, service.changeRole(as("grace"), "linus", Role.ADMIN).role());
        assertEquals(Role.ADMIN, store.member(team, "linus").orElseThrow().role());
        assertEquals(Role.MEMBER, service.changeRole(as("grace"), "linus", Role.MEMBER).role());
        assertEquals(Role.MEMBER, service.changeRole(as("grace"), "linus", Role.MEMBER).role());
    }

    @Test
    void grantingOrTakingTheOwnerRoleTakesAnOwner() {
        join("grace", Role.ADMIN);
        join("linus", Role.MEMBER);
        assertThrows(RoleTooSmallException.class, () -> service.changeRole(as("grace"), "linus", Role.OWNER));
        assertThrows(RoleTooSmallException.class, () -> service.changeRole(as("grace"), "ada", Role.ADMIN));
        assertThrows(RoleTooSmallException.class, () -> service.changeRole(as("linus"), "linus", Role.ADMIN));
        assertEquals(Role.OWNER, service.changeRole(as("ada"), "linus", Role.OWNER).role());
        assertEquals(Role.ADMIN, service.changeRole(as("linus"), "ada", Role.ADMIN).role());
    }

    @Test
    void theLastOwnerCannotStepDownOrLeave() {
        assertThrows(LastOwnerException.class, () -> service.changeRole(as("ada"), "ada", Role.ADMIN));
        assertThrows(LastOwnerException.class, () -> service.remove(as("ada"), "ada"));
        join("grace", Role.OWNER);
        service.remove(as("ada"), "ada");
        assertTrue(store.member(team, "ada").isEmpty());
        assertThrows(LastOwnerException.class, () -> service.changeRole(as("grace"), "grace", Role.MEMBER));
    }

    @Test
    void twoOwnersSteppingDownAtOnceLeaveOne() {
        join("grace", Role.OWNER);
        store.beforeNextWrite(() -> store.changeRole(store.member(team, "grace").orElseThrow(), Role.ADMIN, new ChangedBy("grace", NOW)));
        assertThrows(LastOwnerException.class, () -> service.changeRole(as("ada"), "ada", Role.ADMIN));
        assertEquals(Role.OWNER, store.member(team, "ada").orElseThrow().role());
    }

    @Test
    void anyoneMayLeaveAndAdminsRemoveOthersButOnlyOwnersRemoveOwners() {
        join("grace", Role.ADMIN);
        join("linus", Role.MEMBER);
        join("ken", Role.VIEWER);
        assertThrows(RoleTooSmallException.class, () -> service.remove(as("linus"), "ken"));
        service.remove(as("ken"), "ken");
        assertThrows(RoleTooSmallException.class, () -> service.remove(as("grace"), "ada"));
        service.remove(as("grace"), "linus");
        assertEquals(List.of("ada", "grace"), store.members(team).stream().map(Member::userId).toList());
        assertEquals(2, service.get(as("ada")).memberCount());
        assertThrows(MemberNotFoundException.class, () -> service.remove(as("grace"), "linus"));
        assertThrows(MemberNotFoundException.class, () -> service.changeRole(as("grace"), "linus", Role.ADMIN));
    }

    @Test
    void aWriteThatKeepsLosingRacesEndsInAConflict() {
        join("grace", Role.MEMBER);
        Runnable[] flip = new Runnable[1];
        flip[0] = () -> {
            Member grace = store.member(team, "grace").orElseThrow();
            store.changeRole(grace, grace.role() == Role.MEMBER ? Role.VIEWER : Role.MEMBER, new ChangedBy("ada", NOW));
            store.beforeNextWrite(flip[0]);
        };
        store.beforeNextWrite(flip[0]);
        assertThrows(WorkspaceChangedMeanwhileException.class, () -> service.changeRole(as("ada"), "grace", Role.ADMIN));
        store.beforeNextWrite(null);
    }

    @Test
    void aRenameOfAWorkspaceDeletedMeanwhileIsNotFound() {
        store.beforeNextWrite(() -> store.delete(store.workspace(team).orElseThrow(), store.members(team)));
        Access ada = as("ada");
        assertThrows(WorkspaceNotFoundException.class, () -> service.rename(ada, "Gone"));
    }
}
