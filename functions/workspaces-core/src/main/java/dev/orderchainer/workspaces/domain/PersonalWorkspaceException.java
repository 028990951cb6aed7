package dev.orderchainer.workspaces.domain;

import dev.orderchainer.common.domain.ConflictException;
import java.util.Map;

/** The personal workspace has one member, its owner, for good: no invitations, no other roles, no renaming or deleting. */
public final class PersonalWorkspaceException extends ConflictException {
    public PersonalWorkspaceException(String what) {
        super("Your personal workspace cannot " + what + "; create a workspace to work with others", Map.of("personal", true));
    }
}
