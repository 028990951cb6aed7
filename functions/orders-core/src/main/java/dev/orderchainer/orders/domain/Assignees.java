package dev.orderchainer.orders.domain;

/** Who may be assigned orders in a workspace: its members. */
public interface Assignees {
    /** In a personal workspace only its owner, whose id is the workspace's: nothing to read. */
    Assignees PERSONAL_ONLY = (workspaceId, userId) -> workspaceId.equals(userId);

    boolean isMember(String workspaceId, String userId);
}
