package dev.orderchainer.common.text;

import dev.orderchainer.common.domain.InvalidInputException;

/** A text field that cannot be stored; the API answers 400 naming the field and the reason. */
public final class InvalidTextException extends InvalidInputException {
    private final String reason;

    public InvalidTextException(String field, String reason) {
        super("Field '" + field + "' " + reason, field);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
