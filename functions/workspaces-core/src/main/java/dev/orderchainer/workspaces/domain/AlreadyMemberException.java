package dev.orderchainer.workspaces.domain;

import dev.orderchainer.common.domain.ConflictException;
import java.util.Map;

/** The caller is a member of the workspace already; the invitation stays for the admins to revoke. */
public final class AlreadyMemberException extends ConflictException {
    AlreadyMemberException(String workspaceId) {
        super("You are a member of this workspace already", Map.of("workspace_id", workspaceId));
    }
}
