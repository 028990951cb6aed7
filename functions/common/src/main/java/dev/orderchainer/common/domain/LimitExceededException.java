package dev.orderchainer.common.domain;

import java.util.Map;

/** The request is well formed and allowed, but its result would break a limit of the service or its storage. */
public abstract class LimitExceededException extends DomainException {
    protected LimitExceededException(String message, Map<String, Object> facts) {
        super(message, facts);
    }
}
