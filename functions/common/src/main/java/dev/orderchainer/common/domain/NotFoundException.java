package dev.orderchainer.common.domain;

import java.util.Map;

/** Something the request names does not exist (for this user: another user's data does not exist either). */
public class NotFoundException extends DomainException {
    public NotFoundException(String message) {
        this(message, Map.of());
    }

    protected NotFoundException(String message, Map<String, Object> facts) {
        super(message, facts);
    }
}
