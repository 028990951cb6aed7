package dev.orderchainer.workspaces.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.common.domain.InvalidInputException;
import dev.orderchainer.common.domain.RateLimitedException;
import dev.orderchainer.workspaces.testing.InMemoryAccounts;
import dev.orderchainer.workspaces.testing.InMemoryWorkspaceStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Inviting and accepting, with every attack the issue names: reuse, expiry, another address or workspace, revoked, too high a role. */
class InvitationsTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private final InMemoryWorkspaceStore store = new InMemoryWorkspaceStore();
    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final List<String> mailed = new ArrayList<>();
    private final List<String> quotaTaken = new ArrayList<>();
    private Instant now = NOW;
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private RuntimeException mailFailure;
    private final InvitationMail mail = (invitation, token, workspaceName, inviterName) -> {
        if (mailFailure != null) {
            throw mailFailure;
        }
        mailed.add(invitation.email() + " " + token.text() + " " + workspaceName + " " + inviterName);
    };
    private final Invitations invitations = new Invitations(store, accounts, mail, quotaTaken::add, clock);
    private final WorkspaceService workspaces = new WorkspaceService(store, accounts, clock);
    private String team;

    @BeforeEach
    void aTeamOwnedByAdaWithAnAdminAndAMember() {
        accounts.add("ada", "ada");
        accounts.add("grace", "grace");
        accounts.add("linus", "linus");
        accounts.add("ken", "ken");
        team = workspaces.create("ada", "Kitchen").id();
        store.add(new Member(team, "grace", "grace", Role.ADMIN, NOW), WorkspaceService.MAX_MEMBERS);
        store.add(new Member(team, "linus", "linus", Role.MEMBER, NOW), WorkspaceService.MAX_MEMBERS);
    }

    private Access as(String userId) {
        return new Access(team, userId, store.member(team, userId).orElseThrow().role());
    }

    private String tokenOfLastMail() {
        String[] parts = mailed.get(mailed.size() - 1).split(" ");
        return parts[1];
    }

    @Test
    void anAdminInvitesAnAddressAndThatAccountJoinsOnceWithTheRole() {
        InvitationView invited = invitations.invite(as("grace"), new Invitations.Request(" Ken@Example.com ", Role.MEMBER));
        assertEquals("Ken@Example.com", invited.email());
        assertEquals(NOW.plus(Duration.ofDays(7)).toString(), invited.expiresAt());
        assertEquals(List.of("grace"), quotaTaken);
        assertTrue(mailed.get(0).startsWith("Ken@Example.com " + team + ".inv_"), mailed.get(0));
        assertTrue(mailed.get(0).endsWith(" Kitchen grace"), mailed.get(0));
        assertEquals(List.of(invited), invitations.list(as("linus")));
        String token = tokenOfLastMail();
        assertFalse(store.invitations(team).get(0).tokenHash().contains(token.substring(token.lastIndexOf('.') + 1)), "stored hashed");

        assertEquals(new Acceptance(team, Role.MEMBER), invitations.accept("ken", token));
        assertEquals(Role.MEMBER, store.member(team, "ken").orElseThrow().role());
        assertEquals(List.of(), invitations.list(as("ada")));
        InvitationInvalidException reused = assertThrows(InvitationInvalidException.class, () -> invitations.accept("ken", token));
        assertEquals("token", reused.field());
    }

    @Test
    void aTokenStopsWorkingAfterSevenDays() {
        invitations.invite(as("ada"), new Invitations.Request("ken@example.com", Role.VIEWER));
        now = NOW.plus(Invitations.LIFETIME);
        InvitationInvalidException expired = assertThrows(InvitationInvalidException.class, () -> invitations.accept("ken", tokenOfLastMail()));
        assertTrue(expired.getMessage().contains("expired"), expired.getMessage());
        assertEquals(List.of(), invitations.list(as("ada")), "an expired invitation is no longer pending");
        assertTrue(store.member(team, "ken").isEmpty());
    }

    @Test
    void onlyTheVerifiedInvitedAddressMayAccept() {
        invitations.invite(as("ada"), new Invitations.Request("ken@example.com", Role.MEMBER));
        String token = tokenOfLastMail();
        accounts.add("eve", "eve");
        InvitationForAnotherAddressException other = assertThrows(InvitationForAnotherAddressException.class,
                () -> invitations.accept("eve", token));
        assertEquals(true, other.facts().get("email_verified"));
        accounts.put(new Account("ken", "ken", "ken@example.com", false, NOW));
        InvitationForAnotherAddressException unverified = assertThrows(InvitationForAnotherAddressException.class,
                () -> invitations.accept("ken", token));
        assertEquals(false, unverified.facts().get("email_verified"));
        assertTrue(store.member(team, "eve").isEmpty() && store.member(team, "ken").isEmpty());
        accounts.put(new Account("ken", "ken", "KEN@example.com", true, NOW));
        assertEquals(Role.MEMBER, invitations.accept("ken", token).role(), "the invitation survived the refusals");
    }

    @Test
    void aTokenNamesItsWorkspaceAndCannotBeTurnedToAnother() {
        String other = workspaces.create("ada", "Attic").id();
        invitations.invite(as("ada"), new Invitations.Request("ken@example.com", Role.MEMBER));
        String token = tokenOfLastMail();
        String moved = other + token.substring(team.length());
        assertThrows(InvitationInvalidException.class, () -> invitations.accept("ken", moved));
        String secret = token.substring(token.lastIndexOf('.') + 1);
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + (secret.charAt(0) == 'A' ? 'B' : 'A') + secret.substring(1);
        assertThrows(InvitationInvalidException.class, () -> invitations.accept("ken", tampered));
        for (String junk : new String[] {null, "", "x", token + "x", "a".repeat(200)}) {
            assertThrows(InvitationInvalidException.class, () -> invitations.accept("ken", junk));
        }
        assertTrue(store.member(other, "ken").isEmpty() && store.member(team, "ken").isEmpty());
    }

    @Test
    void aRevokedInvitationCannotBeAccepted() {
        InvitationView invited = invitations.invite(as("ada"), new Invitations.Request("ken@example.com", Role.MEMBER));
        String token = tokenOfLastMail();
        assertThrows(RoleTooSmallException.class, () -> invitations.revoke(as("linus"), invited.id()));
        invitations.revoke(as("grace"), invited.id());
        assertEquals(List.of("grace"), store.changedBy());
        assertEquals(List.of(NOW), store.changedAt());
        assertThrows(InvitationInvalidException.class, () -> invitations.accept("ken", token));
        assertThrows(InvitationNotFoundException.class, () -> invitations.revoke(as("grace"), invited.id()));
    }

    @Test
    void nobodyInvitesAboveTheirOwnRoleAndOnlyAdminsInviteAtAll() {
        RoleTooSmallException admin = assertThrows(RoleTooSmallException.class,
                () -> invitations.invite(as("grace"), new Invitations.Request("ken@example.com", Role.OWNER)));
        assertEquals("owner", admin.facts().get("required_role"));
        assertThrows(RoleTooSmallException.class, () -> invitations.invite(as("linus"), new Invitations.Request("ken@example.com", Role.VIEWER)));
        assertEquals(List.of(), mailed);
        assertEquals(List.of(), quotaTaken, "a refused invitation counts against no quota");
        InvitationView owner = invitations.invite(as("ada"), new Invitations.Request("ken@example.com", Role.OWNER));
        assertThrows(RoleTooSmallException.class, () -> invitations.revoke(as("grace"), owner.id()));
        assertEquals(Role.OWNER, invitations.accept("ken", tokenOfLastMail()).role());
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsCounted() {
        assertThrows(InvalidInputException.class, () -> new Invitations.Request("not an address", Role.MEMBER));
        assertThrows(InvalidInputException.class, () -> new Invitations.Request(null, Role.MEMBER));
        InvalidInputException noRole = assertThrows(InvalidInputException.class, () -> new Invitations.Request("ken@example.com", null));
        assertEquals("role", noRole.field());
        assertEquals(List.of(), quotaTaken);
    }

    @Test
    void onePendingInvitationPerAddressAndAtMostFiftyPerWorkspace() {
        InvitationView first = invitations.invite(as("ada"), new Invitations.Request("ken@example.com", Role.MEMBER));
        InvitationPendingException again = assertThrows(InvitationPendingException.class,
                () -> invitations.invite(as("ada"), new Invitations.Request("KEN@example.com", Role.ADMIN)));
        assertEquals(first.id(), again.facts().get("invitation_id"));
        for (int i = 1; i < Invitations.MAX_PENDING; i++) {
            invitations.invite(as("ada"), new Invitations.Request("p" + i + "@example.com", Role.VIEWER));
        }
        assertEquals(Invitations.MAX_PENDING, invitations.list(as("ada")).size());
        assertThrows(TooManyInvitationsException.class, () -> invitations.invite(as("ada"), new Invitations.Request("x@example.com", Role.VIEWER)));
        now = NOW.plus(Invitations.LIFETIME);
        invitations.invite(as("ada"), new Invitations.Request("x@example.com", Role.VIEWER));
    }

    @Test
    void theQuotaIsTakenBeforeAnythingIsStored() {
        InvitationQuota exhausted = inviter -> {
            throw new RateLimitedException("Too many invitation attempts; retry in 60 s", 60);
        };
        Invitations limited = new Invitations(store, accounts, mail, exhausted, clock);
        assertThrows(RateLimitedException.class, () -> limited.invite(as("ada"), new Invitations.Request("ken@example.com", Role.MEMBER)));
        assertEquals(List.of(), store.invitations(team));
        assertEquals(List.of(), mailed);
    }

    @Test
    void anInvitationWhoseMailFailedIsWithdrawn() {
        mailFailure = new IllegalStateException("SES down");
        Invitations.Request request = new Invitations.Request("ken@example.com", Role.MEMBER);
        assertThrows(InvitationMailFailedException.class, () -> invitations.invite(as("ada"), request));
        assertEquals(List.of(), store.invitations(team));
    }

    @Test
    void thePersonalWorkspaceHasNoInvitations() {
        Invitations.Request request = new Invitations.Request("k@example.com", Role.MEMBER);
        assertThrows(PersonalWorkspaceException.class, () -> invitations.invite(Access.personal("ada"), request));
        assertEquals(List.of(), invitations.list(Access.personal("ada")));
        assertThrows(PersonalWorkspaceException.class, () -> invitations.revoke(Access.personal("ada"), "inv_000000000000000000000000"));
    }

    @Test
    void aMemberAlreadyOrAFullWorkspaceJoinsNobody() {
        accounts.put(new Account("linus", "linus", "linus@example.com", true, NOW));
        invitations.invite(as("ada"), new Invitations.Request("linus@example.com", Role.ADMIN));
        assertThrows(AlreadyMemberException.class, () -> invitations.accept("linus", tokenOfLastMail()));
        assertEquals(Role.MEMBER, store.member(team, "linus").orElseThrow().role());
        invitations.invite(as("ada"), new Invitations.Request("ken@example.com", Role.MEMBER));
        String token = tokenOfLastMail();
        for (int i = store.members(team).size(); i < WorkspaceService.MAX_MEMBERS; i++) {
            store.add(new Member(team, "filler" + i, "filler" + i, Role.VIEWER, NOW), WorkspaceService.MAX_MEMBERS);
        }
        assertThrows(TooManyMembersException.class, () -> invitations.accept("ken", token));
        assertTrue(store.member(team, "ken").isEmpty());
    }

    @Test
    void aRaceLostToAnotherAcceptanceIsAnInvalidToken() {
        invitations.invite(as("ada"), new Invitations.Request("ken@example.com", Role.MEMBER));
        String token = tokenOfLastMail();
        store.beforeNextWrite(() -> store.withdraw(store.invitations(team).get(0)));
        assertThrows(InvitationInvalidException.class, () -> invitations.accept("ken", token));
        assertTrue(store.member(team, "ken").isEmpty());
    }

    @Test
    void aUserInFiftyWorkspacesJoinsNoMoreButFortyNineIsStillRoom() {
        for (int i = 0; i < WorkspaceService.MAX_WORKSPACES - 1; i++) {
            workspaces.create("ken", "W" + i);
        }
        invitations.invite(as("ada"), new Invitations.Request("ken@example.com", Role.MEMBER));
        String first = tokenOfLastMail();
        String other = workspaces.create("ada", "Attic").id();
        invitations.invite(new Access(other, "ada", Role.OWNER), new Invitations.Request("ken@example.com", Role.MEMBER));
        String second = tokenOfLastMail();
        invitations.accept("ken", first);
        TooManyWorkspacesException full = assertThrows(TooManyWorkspacesException.class, () -> invitations.accept("ken", second));
        assertTrue(full.getMessage().contains("50"), full.getMessage());
        assertTrue(store.member(other, "ken").isEmpty());
    }

    @Test
    void anInvitationToAWorkspaceDeletedMeanwhileIsNotSent() {
        Access ada = as("ada");
        workspaces.delete(ada);
        Invitations.Request request = new Invitations.Request("ken@example.com", Role.MEMBER);
        assertThrows(WorkspaceNotFoundException.class, () -> invitations.invite(ada, request));
        assertEquals(List.of(), mailed);
    }

    @Test
    void anExpiredInvitationIsNoLongerThereToRevoke() {
        String id = invitations.invite(as("ada"), new Invitations.Request("ken@example.com", Role.MEMBER)).id();
        now = NOW.plus(Invitations.LIFETIME);
        assertThrows(InvitationNotFoundException.class, () -> invitations.revoke(as("ada"), id));
    }

    @Test
    void aPastedTokenMayCarrySpacesUpTo128Characters() {
        invitations.invite(as("ada"), new Invitations.Request("ken@example.com", Role.MEMBER));
        String token = tokenOfLastMail();
        String padded = " ".repeat(128 - token.length()) + token;
        assertTrue(InvitationToken.parse(padded).isPresent());
        assertTrue(InvitationToken.parse(" " + padded).isEmpty());
    }

    @Test
    void theRefusalSaysWhetherToVerifyOrToSignInElsewhere() {
        assertTrue(new InvitationForAnotherAddressException(false).getMessage().startsWith("Verify your email address"));
        assertTrue(new InvitationForAnotherAddressException(true).getMessage().contains("another email address"));
    }
}
