package dev.orderchainer.common.domain;

import java.util.Map;

/** The caller is known, but may not do this yet (for example before verifying the email address). */
public class NotPermittedException extends DomainException {
    public NotPermittedException(String message) {
        super(message);
    }

    protected NotPermittedException(String message, Map<String, Object> facts) {
        super(message, facts);
    }
}
