package dev.orderchainer.workspaces.testing;

import dev.orderchainer.common.domain.ChangedBy;
import dev.orderchainer.workspaces.domain.Invitation;
import dev.orderchainer.workspaces.domain.Member;
import dev.orderchainer.workspaces.domain.Membership;
import dev.orderchainer.workspaces.domain.Role;
import dev.orderchainer.workspaces.domain.Workspace;
import dev.orderchainer.workspaces.domain.WorkspaceStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The workspace store in memory, with the DynamoDB store's write conditions; {@link #beforeNextWrite} slips a concurrent change in. */
public final class InMemoryWorkspaceStore implements WorkspaceStore {
    private final Map<String, Workspace> workspaces = new LinkedHashMap<>();
    private final Map<String, Map<String, Member>> members = new LinkedHashMap<>();
    private final Map<String, Invitation> invitations = new LinkedHashMap<>();
    private final List<String> purged = new ArrayList<>();
    private final List<ChangedBy> changedBy = new ArrayList<>();
    private Runnable beforeNextWrite;

    /** Runs {@code change} once, just before the next write is checked: a concurrent request. */
    public void beforeNextWrite(Runnable change) {
        this.beforeNextWrite = change;
    }

    public List<String> purged() {
        return purged;
    }

    /** Who made each rename, role change, removal and revocation, in order (the actor the stream's images carry). */
    public List<String> changedBy() {
        return changedBy.stream().map(ChangedBy::userId).toList();
    }

    /** When each of those changes was made, as stamped. */
    public List<Instant> changedAt() {
        return changedBy.stream().map(ChangedBy::at).toList();
    }

    @Override
    public List<Invitation> invitations(String workspaceId) {
        return invitations.values().stream().filter(i -> i.workspaceId().equals(workspaceId)).toList();
    }

    @Override
    public Optional<Invitation> invitation(String workspaceId, String invitationId) {
        return Optional.ofNullable(invitations.get(invitationId)).filter(i -> i.workspaceId().equals(workspaceId));
    }

    @Override
    public void invite(Invitation invitation) {
        concurrently();
        if (invitations.putIfAbsent(invitation.id(), invitation) != null) {
            throw new IllegalStateException("invitation id taken");
        }
    }

    @Override
    public void withdraw(Invitation invitation) {
        invitations.remove(invitation.id());
    }

    @Override
    public void revoke(Invitation invitation, ChangedBy revokedBy) {
        concurrently();
        if (invitations.remove(invitation.id()) == null) {
            throw new ConcurrentChangeException("gone");
        }
        changedBy.add(revokedBy);
    }

    @Override
    public void join(Invitation invitation, Member member, int maxMembers, Instant now) {
        concurrently();
        Invitation current = invitations.get(invitation.id());
        if (current == null || !current.tokenHash().equals(invitation.tokenHash()) || current.expiredAt(now)) {
            throw new InvitationGoneException();
        }
        add(member, maxMembers);
        invitations.remove(invitation.id());
    }

    @Override
    public void add(Member member, int maxMembers) {
        concurrently();
        Workspace workspace = workspaces.get(member.workspaceId());
        if (workspace != null && workspace.memberCount() >= maxMembers) {
            throw new WorkspaceFullException();
        }
        if (workspace == null || members.get(member.workspaceId()).containsKey(member.userId())) {
            throw new ConcurrentChangeException("already a member, or no workspace");
        }
        members.get(member.workspaceId()).put(member.userId(), member);
        workspaces.put(workspace.id(), withCount(workspace, 1));
    }

    private void concurrently() {
        Runnable change = beforeNextWrite;
        beforeNextWrite = null;
        if (change != null) {
            change.run();
        }
    }

    private static Workspace withCount(Workspace workspace, int change) {
        return new Workspace(workspace.id(), workspace.name(), false, workspace.memberCount() + change, workspace.createdAt());
    }

    @Override
    public Optional<Workspace> workspace(String workspaceId) {
        return Optional.ofNullable(workspaces.get(workspaceId));
    }

    @Override
    public Optional<Member> member(String workspaceId, String userId) {
        return Optional.ofNullable(members.getOrDefault(workspaceId, Map.of()).get(userId));
    }

    @Override
    public List<Member> members(String workspaceId) {
        return members.getOrDefault(workspaceId, Map.of()).values().stream()
                .sorted(Comparator.comparing(Member::joinedAt).thenComparing(Member::userId)).toList();
    }

    @Override
    public int membershipCount(String userId) {
        return (int) members.values().stream().filter(m -> m.containsKey(userId)).count();
    }

    @Override
    public List<Membership> membershipsOf(String userId) {
        return members.entrySet().stream().filter(e -> e.getValue().containsKey(userId) && workspaces.containsKey(e.getKey()))
                .map(e -> new Membership(workspaces.get(e.getKey()), e.getValue().get(userId).role())).toList();
    }

    @Override
    public void create(Workspace workspace, Member owner) {
        concurrently();
        if (workspaces.containsKey(workspace.id())) {
            throw new ConcurrentChangeException("id taken");
        }
        workspaces.put(workspace.id(), workspace);
        members.computeIfAbsent(workspace.id(), id -> new LinkedHashMap<>()).put(owner.userId(), owner);
    }

    @Override
    public Workspace rename(String workspaceId, String name, ChangedBy renamedBy) {
        concurrently();
        Workspace current = workspaces.get(workspaceId);
        if (current == null) {
            throw new ConcurrentChangeException("deleted");
        }
        Workspace renamed = new Workspace(workspaceId, name, false, current.memberCount(), current.createdAt());
        workspaces.put(workspaceId, renamed);
        changedBy.add(renamedBy);
        return renamed;
    }

    @Override
    public void delete(Workspace workspace, List<Member> expected) {
        concurrently();
        Workspace current = workspaces.get(workspace.id());
        if (current == null || current.memberCount() != expected.size()) {
            throw new ConcurrentChangeException("members changed");
        }
        workspaces.remove(workspace.id());
        members.remove(workspace.id());
        invitations.values().removeIf(i -> i.workspaceId().equals(workspace.id()));
    }

    @Override
    public void purge(String workspaceId) {
        purged.add(workspaceId);
    }

    @Override
    public void changeRole(Member member, Role role, ChangedBy by) {
        concurrently();
        Member current = member(member.workspaceId(), member.userId()).orElse(null);
        if (current == null || current.role() != member.role()) {
            throw new ConcurrentChangeException("role changed");
        }
        if (member.role() == Role.OWNER && role != Role.OWNER && owners(member.workspaceId()) <= 1) {
            throw new NoOwnerLeftException();
        }
        members.get(member.workspaceId()).put(member.userId(), current.withRole(role));
        changedBy.add(by);
    }

    @Override
    public void remove(Member member, ChangedBy removedBy) {
        concurrently();
        Member current = member(member.workspaceId(), member.userId()).orElse(null);
        if (current == null || current.role() != member.role()) {
            throw new ConcurrentChangeException("member changed");
        }
        if (member.role() == Role.OWNER && owners(member.workspaceId()) <= 1) {
            throw new NoOwnerLeftException();
        }
        members.get(member.workspaceId()).remove(member.userId());
        changedBy.add(removedBy);
        workspaces.put(member.workspaceId(), withCount(workspaces.get(member.workspaceId()), -1));
    }

    private long owners(String workspaceId) {
        return members.get(workspaceId).values().stream().filter(m -> m.role() == Role.OWNER).count();
    }
}
