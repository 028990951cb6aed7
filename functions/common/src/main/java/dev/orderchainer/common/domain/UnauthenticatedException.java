package dev.orderchainer.common.domain;

/** The credentials given (password, refresh token) do not identify anyone; deliberately vague. */
public class UnauthenticatedException extends DomainException {
    public UnauthenticatedException(String message) {
        super(message);
    }
}
