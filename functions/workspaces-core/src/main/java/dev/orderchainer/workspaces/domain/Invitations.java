package dev.orderchainer.workspaces.domain;

import dev.orderchainer.common.domain.ChangedBy;
import dev.orderchainer.common.domain.InvalidInputException;
import dev.orderchainer.common.text.EmailAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inviting people into a team workspace and accepting: an admin invites an address with a role (up to admin; owners
 * invite owners), the mail carries a single-use token valid for {@link #LIFETIME}, and only a signed-in user whose
 * verified email is that address can accept it, once.
 */
public final class Invitations {
    public static final Duration LIFETIME = Duration.ofDays(7);
    /** Pending (unexpired) invitations one workspace may have at once. */
    public static final int MAX_PENDING = 50;
    private static final Logger LOG = LoggerFactory.getLogger(Invitations.class);
    private final WorkspaceStore store;
    private final Accounts accounts;
    private final InvitationMail mail;
    private final InvitationQuota quota;
    private final Clock clock;

    public Invitations(WorkspaceStore store, Accounts accounts, InvitationMail mail, InvitationQuota quota, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.mail = mail;
        this.quota = quota;
        this.clock = clock;
    }

    /** What an invitation asks for, checked before anything is read or counted. */
    public record Request(String email, Role role) {
        public Request {
            email = EmailAddress.checked(email);
            if (role == null) {
                throw new InvalidInputException("Field 'role' is required: one of " + Role.names(), "role");
            }
        }
    }

    public InvitationView invite(Access access, Request request) {
        notPersonal(access);
        access.require(Action.MANAGE_INVITATIONS);
        if (request.role() == Role.OWNER) {
            access.require(Action.GRANT_OWNER);
        }
        List<Invitation> pending = pending(access.workspaceId());
        pending.stream().filter(i -> EmailAddress.same(i.email(), request.email())).findFirst()
                .ifPresent(i -> {
                    throw new InvitationPendingException(i.id());
                });
        if (pending.size() >= MAX_PENDING) {
            throw new TooManyInvitationsException(MAX_PENDING);
        }
        Workspace workspace = store.workspace(access.workspaceId()).orElseThrow(() -> new WorkspaceNotFoundException(access.workspaceId()));
        String inviter = accounts.find(access.userId()).orElseThrow(AccountNotFoundException::new).username();
        quota.take(access.userId());
        Instant now = clock.instant();
        InvitationToken token = InvitationToken.issue(workspace.id());
        Invitation invitation = new Invitation(token.invitationId(), workspace.id(), request.email(), request.role(), access.userId(), now,
                now.plus(LIFETIME), token.hash());
        store.invite(invitation);
        try {
            mail.send(invitation, token, workspace.name(), inviter);
        } catch (RuntimeException e) {
            LOG.error("invitation {} to workspace {} could not be mailed; withdrawn", invitation.id(), workspace.id(), e);
            store.withdraw(invitation);
            throw new InvitationMailFailedException();
        }
        return InvitationView.of(invitation);
    }

    /** The pending invitations, newest first (the personal workspace has none). */
    public List<InvitationView> list(Access access) {
        access.require(Action.READ);
        return access.personalWorkspace() ? List.of() : pending(access.workspaceId()).stream().map(InvitationView::of).toList();
    }

    /** Revokes a pending invitation: its link stops working at once. */
    public void revoke(Access access, String invitationId) {
        notPersonal(access);
        access.require(Action.MANAGE_INVITATIONS);
        Invitation invitation = store.invitation(access.workspaceId(), invitationId)
                .filter(i -> !i.expiredAt(clock.instant()))
                .orElseThrow(() -> new InvitationNotFoundException(invitationId));
        if (invitation.role() == Role.OWNER) {
            access.require(Action.GRANT_OWNER);
        }
        try {
            store.revoke(invitation, new ChangedBy(access.userId(), clock.instant()));
        } catch (WorkspaceStore.ConcurrentChangeException gone) {
            throw new InvitationNotFoundException(invitationId);
        }
    }

    /** The signed-in caller joins with the invitation's role, if the token is live and was sent to the caller's verified email. */
    public Acceptance accept(String userId, String tokenText) {
        InvitationToken token = InvitationToken.parse(tokenText)
                .orElseThrow(() -> new InvitationInvalidException("this is not an invitation token"));
        Instant now = clock.instant();
        Invitation invitation = store.invitation(token.workspaceId(), token.invitationId()).filter(i -> token.matches(i.tokenHash()))
                .orElseThrow(() -> new InvitationInvalidException("this invitation was used, revoked or never sent"));
        if (invitation.expiredAt(now)) {
            throw new InvitationInvalidException("this invitation expired at " + invitation.expiresAt());
        }
        Account account = accounts.find(userId).orElseThrow(AccountNotFoundException::new);
        if (!account.emailVerified() || !EmailAddress.same(account.email(), invitation.email())) {
            throw new InvitationForAnotherAddressException(account.emailVerified());
        }
        if (store.member(invitation.workspaceId(), userId).isPresent()) {
            throw new AlreadyMemberException(invitation.workspaceId());
        }
        if (store.membershipCount(userId) >= WorkspaceService.MAX_WORKSPACES) {
            throw new TooManyWorkspacesException(WorkspaceService.MAX_WORKSPACES);
        }
        Member member = new Member(invitation.workspaceId(), userId, account.username(), invitation.role(), now);
        try {
            store.join(invitation, member, WorkspaceService.MAX_MEMBERS, now);
        } catch (WorkspaceStore.WorkspaceFullException full) {
            throw new TooManyMembersException(WorkspaceService.MAX_MEMBERS);
        } catch (WorkspaceStore.InvitationGoneException raced) {
            throw new InvitationInvalidException("this invitation was used, revoked or expired just now");
        } catch (WorkspaceStore.ConcurrentChangeException raced) {
            throw new AlreadyMemberException(invitation.workspaceId());
        }
        return new Acceptance(invitation.workspaceId(), invitation.role());
    }

    private List<Invitation> pending(String workspaceId) {
        Instant now = clock.instant();
        return store.invitations(workspaceId).stream().filter(i -> !i.expiredAt(now))
                .sorted(Comparator.comparing(Invitation::createdAt).reversed().thenComparing(Invitation::id)).toList();
    }

    private static void notPersonal(Access access) {
        if (access.personalWorkspace()) {
            throw new PersonalWorkspaceException("have invitations");
        }
    }
}
