package dev.orderchainer.workspaces.domain;

import dev.orderchainer.common.domain.NotFoundException;

/** No such workspace, or the caller is not a member of it: the two are not told apart. */
public final class WorkspaceNotFoundException extends NotFoundException {
    public WorkspaceNotFoundException(String workspaceId) {
        super("No workspace " + workspaceId);
    }
}
