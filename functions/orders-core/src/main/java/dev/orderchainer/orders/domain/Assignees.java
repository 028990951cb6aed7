package dev.orderchainer.orders.domain;

import dev.orderchainer.workspaces.domain.WorkspaceStore;

/** Who may be assigned orders in a workspace (and whom a Discord webhook may follow): its members. */
public interface Assignees {
    /** In a personal workspace only its owner, whose id is the workspace's: nothing to read. */
    Assignees PERSONAL_ONLY = (workspaceId, userId) -> workspaceId.equals(userId);

    boolean isMember(String workspaceId, String userId);

    /** The owner of a personal workspace without a read, a team's members as the workspace store has them. */
    static Assignees of(WorkspaceStore workspaces) {
        return (workspaceId, userId) -> PERSONAL_ONLY.isMember(workspaceId, userId) || workspaces.member(workspaceId, userId).isPresent();
    }
}
