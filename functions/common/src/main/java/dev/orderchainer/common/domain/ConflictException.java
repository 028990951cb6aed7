package dev.orderchainer.common.domain;

import java.util.Map;

/** The request is well formed, but the current state forbids it; it may succeed once that state changes. */
public abstract class ConflictException extends DomainException {
    protected ConflictException(String message, Map<String, Object> facts) {
        super(message, facts);
    }
}
