package dev.orderchainer.workspaces.domain;

import dev.orderchainer.common.domain.InvalidInputException;

public final class WorkspaceInputException extends InvalidInputException {
    public WorkspaceInputException(String message, String field) {
        super(message, field);
    }
}
