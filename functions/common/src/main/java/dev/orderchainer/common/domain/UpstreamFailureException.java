package dev.orderchainer.common.domain;

import java.util.Map;

/** A service outside ours (Discord) failed or could not be reached; the facts carry what it answered. */
public class UpstreamFailureException extends DomainException {
    public UpstreamFailureException(String message, Map<String, Object> facts) {
        super(message, facts);
    }
}
