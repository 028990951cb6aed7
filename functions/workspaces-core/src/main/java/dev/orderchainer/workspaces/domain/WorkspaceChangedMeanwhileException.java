package dev.orderchainer.workspaces.domain;

import dev.orderchainer.common.domain.ConflictException;
import java.util.Map;

/** Other changes to the workspace kept overtaking this one; trying again will most likely work. */
public final class WorkspaceChangedMeanwhileException extends ConflictException {
    public WorkspaceChangedMeanwhileException() {
        super("The workspace kept changing while this request was applied; try again", Map.of());
    }
}
