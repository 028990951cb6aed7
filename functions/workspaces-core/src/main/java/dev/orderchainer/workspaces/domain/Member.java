package dev.orderchainer.workspaces.domain;

import java.time.Instant;

/** A user's membership of a workspace: the role decides what it may do there. */
public record Member(String workspaceId, String userId, String username, Role role, Instant joinedAt) {
    public Member withRole(Role newRole) {
        return new Member(workspaceId, userId, username, newRole, joinedAt);
    }
}
