package dev.orderchainer.common.domain;

/** The request itself is malformed or breaks a rule about its own content (a length, a format, a repeat). */
public class InvalidInputException extends DomainException {
    private final String field;

    /** @param field the request field at fault, or null when it is about the request as a whole */
    public InvalidInputException(String message, String field) {
        super(message);
        this.field = field;
    }

    /** Without a field of its own; a message that starts "Field 'x'" still names one. */
    public InvalidInputException(String message) {
        this(message, null);
    }

    public String field() {
        return field;
    }
}
