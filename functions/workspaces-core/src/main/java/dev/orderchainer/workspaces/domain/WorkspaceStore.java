package dev.orderchainer.workspaces.domain;

import dev.orderchainer.common.domain.ChangedBy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where workspaces and their members live. Every write holds only if what it was decided on is still
 * so; otherwise a {@link ConcurrentChangeException} and the service decides again from fresh reads.
 */
public interface WorkspaceStore {
    Optional<Workspace> workspace(String workspaceId);

    Optional<Member> member(String workspaceId, String userId);

    /** Every member (a workspace has at most {@link WorkspaceService#MAX_MEMBERS}), in joining order. */
    List<Member> members(String workspaceId);

    /** How many team workspaces the user belongs to (a count, nothing read). */
    int membershipCount(String userId);

    /** The team workspaces the user belongs to, with its role in each. */
    List<Membership> membershipsOf(String userId);

    /** Stores the workspace with its first member, atomically (the id must be new). */
    void create(Workspace workspace, Member owner);

    /**
     * Adds a member (an accepted invitation) if it is not one yet and the workspace still exists with room for it
     * ({@code maxMembers}): the race-proof half of {@link TooManyMembersException}, refused with {@link WorkspaceFullException}.
     */
    void add(Member member, int maxMembers);

    /** The workspace's invitations, expired ones included until the table's TTL removes them. */
    List<Invitation> invitations(String workspaceId);

    Optional<Invitation> invitation(String workspaceId, String invitationId);

    /** Stores a new invitation (its id must be new). */
    void invite(Invitation invitation);

    /** Takes back an invitation whose mail never left: as if it had not been made. */
    void withdraw(Invitation invitation);

    /** Deletes the invitation if it is still there, recording who revoked it; a {@link ConcurrentChangeException} if not. */
    void revoke(Invitation invitation, ChangedBy revokedBy);

    /**
     * Uses up the invitation and adds its member at once, as {@link #add} does: refused with {@link InvitationGoneException}
     * when the invitation was used, revoked or expired meanwhile (so two acceptances never both succeed).
     */
    void join(Invitation invitation, Member member, int maxMembers, Instant now);

    /** Renames it if it still exists, recording who did; the workspace as renamed. */
    Workspace rename(String workspaceId, String name, ChangedBy renamedBy);

    /**
     * Deletes the workspace and these members at once (every member's access ends with it), only if no
     * member joined since they were read; what the workspace held goes after, with {@link #purge}.
     */
    void delete(Workspace workspace, List<Member> members);

    /** Deletes whatever is left in a deleted workspace's partition (orders, graph, settings); idempotent. */
    void purge(String workspaceId);

    /**
     * Gives {@code member} the role {@code role} if its role is still {@code member.role()}, recording who did; taking the owner
     * role holds only while another owner remains: the race-proof half of {@link LastOwnerException}.
     */
    void changeRole(Member member, Role role, ChangedBy changedBy);

    /**
     * Removes the member if its role is unchanged, recording who did (the member itself when it leaves); removing an
     * owner holds only while another owner remains.
     */
    void remove(Member member, ChangedBy removedBy);

    /** A conditional write lost a race. */
    final class ConcurrentChangeException extends RuntimeException {
        public ConcurrentChangeException(String message) {
            super(message, null, false, false);
        }
    }

    /** The invitation is no longer there to be used. */
    final class InvitationGoneException extends RuntimeException {
        public InvitationGoneException() {
            super("invitation used, revoked or expired", null, false, false);
        }
    }

    /** The workspace has no room for another member. */
    final class WorkspaceFullException extends RuntimeException {
        public WorkspaceFullException() {
            super("no room for another member", null, false, false);
        }
    }

    /** A write that would leave the workspace without an owner. */
    final class NoOwnerLeftException extends RuntimeException {
        public NoOwnerLeftException() {
            super("no owner would be left", null, false, false);
        }
    }
}
