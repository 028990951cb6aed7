package dev.orderchainer.signup.domain;

import dev.orderchainer.common.domain.ConflictException;
import java.util.Map;

/** The email address or username is taken already (each belongs to one account). */
public final class AccountExistsException extends ConflictException {
    public AccountExistsException(String message) {
        super(message, Map.of());
    }
}
