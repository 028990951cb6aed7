package dev.orderchainer.workspaces.domain;

import dev.orderchainer.common.domain.NotPermittedException;
import java.util.Map;

/** The caller is a member, but its role does not allow this. */
public final class RoleTooSmallException extends NotPermittedException {
    public RoleTooSmallException(Action action, Role role) {
        super("Your role (" + role.wire() + ") may not " + action.meaning() + "; that takes " + action.minimum().wire()
                + " or above", Map.of("role", role.wire(), "required_role", action.minimum().wire()));
    }
}
