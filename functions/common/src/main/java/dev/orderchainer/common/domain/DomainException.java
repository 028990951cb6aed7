package dev.orderchainer.common.domain;

import java.util.Map;

/**
 * A request the domain refuses, named for what happened (a cycle, a blocked move, a stale version…).
 * Its kind (the direct subclasses here) says how a caller may react; the facts are what it can act on.
 * The domain knows nothing of HTTP: one place, {@code dev.orderchainer.common.http.Problems}, maps kinds
 * to answers.
 */
public abstract class DomainException extends RuntimeException {
    private final Map<String, Object> facts;

    protected DomainException(String message) {
        this(message, Map.of());
    }

    protected DomainException(String message, Map<String, Object> facts) {
        // No stack trace: these are answers, not faults, and a refused request should cost nothing.
        super(message, null, false, false);
        this.facts = Map.copyOf(facts);
    }

    /** What a client can act on, by name (for example the cycle or the blocking orders); empty by default. */
    public Map<String, Object> facts() {
        return facts;
    }
}
