package dev.orderchainer.workspaces.domain;

/**
 * Who is asking in which workspace with which role, as read from the table for this request (never
 * from the token). The personal workspace's id is its owner's user id.
 */
public record Access(String workspaceId, String userId, Role role) {
    public static Access personal(String userId) {
        return new Access(userId, userId, Role.OWNER);
    }

    public boolean personalWorkspace() {
        return workspaceId.equals(userId);
    }

    /** @throws RoleTooSmallException when this role may not do {@code action} */
    public Access require(Action action) {
        if (!action.allows(role)) {
            throw new RoleTooSmallException(action, role);
        }
        return this;
    }

    public boolean may(Action action) {
        return action.allows(role);
    }
}
