package dev.orderchainer.orders.domain;

import dev.orderchainer.common.domain.InvalidInputException;

/** A listing's cursor that no previous page of this listing gave out (altered, another user's or another filter's). */
public final class InvalidCursorException extends InvalidInputException {
    public InvalidCursorException(String reason) {
        super("cursor is not valid (" + reason + "); use the next_cursor of a previous page");
    }
}
