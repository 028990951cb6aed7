package dev.orderchainer.workspaces.domain;

import dev.orderchainer.common.domain.InvalidInputException;

/** A cursor that no previous page of this activity listing gave out. */
public final class InvalidActivityCursorException extends InvalidInputException {
    public InvalidActivityCursorException(String reason) {
        super("cursor is not valid (" + reason + "); use the next_cursor of a previous page", "cursor");
    }
}
