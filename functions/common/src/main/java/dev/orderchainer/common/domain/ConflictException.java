package dev.orderchainer.common.domain;

import java.util.Map;

/** The request is well formed, but the current state forbids it; it may succeed once that state changes. */
public abstract class ConflictException extends DomainException {
    private final Map<String, Object> facts;

    protected ConflictException(String message, Map<String, Object> facts) {
        super(message);
        this.facts = Map.copyOf(facts);
    }

    @Override
    public Map<String, Object> facts() {
        return facts;
    }
}
