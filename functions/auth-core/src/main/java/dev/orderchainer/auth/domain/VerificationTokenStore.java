package dev.orderchainer.auth.domain;

import java.time.Instant;

/** Single-use email verification tokens, stored only as their SHA-256. */
public interface VerificationTokenStore {
    void save(String tokenHash, String userId, Instant expiresAt);

    /**
     * Deletes the token and marks its user verified in one atomic step.
     * @return false when the token does not exist, was used already or has expired
     */
    boolean consume(String tokenHash, Instant now);
}
