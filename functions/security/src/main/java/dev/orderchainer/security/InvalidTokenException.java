package dev.orderchainer.security;

/** A token that must not be accepted; the reason is for logs, never for the client. */
public final class InvalidTokenException extends Exception {
    public InvalidTokenException(String reason) {
        super(reason, null, false, false);
    }
}
