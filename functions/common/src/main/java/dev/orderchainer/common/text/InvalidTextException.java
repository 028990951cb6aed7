package dev.orderchainer.common.text;

/** A text field that cannot be stored; the API answers 400 naming the field and the reason. */
public final class InvalidTextException extends IllegalArgumentException {
    private final String field;
    private final String reason;

    public InvalidTextException(String field, String reason) {
        super("Field '" + field + "' " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
