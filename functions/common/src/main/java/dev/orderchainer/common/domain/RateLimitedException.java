package dev.orderchainer.common.domain;

/** Too many attempts in a window; worth retrying after {@link #retryAfterSeconds()}. */
public class RateLimitedException extends DomainException {
    private final long retryAfterSeconds;

    public RateLimitedException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
