package dev.orderchainer.auth.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Login sessions: a refresh token family and its rotating refresh tokens (stored as SHA-256).
 * Every use of a refresh token rotates it; using a rotated one again revokes the family.
 */
public interface SessionStore {
    /** {@code usedAt} and {@code successor} (the hash it was rotated to) are set once it is used. */
    record RefreshToken(String hash, String userId, String familyId, Instant expiresAt, boolean used, Instant usedAt, String successor) {}

    enum Rotation { ROTATED, ALREADY_USED, FAMILY_REVOKED }

    void start(String familyId, String userId, Instant expiresAt, String firstTokenHash);

    Optional<RefreshToken> find(String tokenHash);

    /** Marks {@code current} used (at {@code now}) and stores its successor, unless it was used or revoked meanwhile. */
    Rotation rotate(RefreshToken current, String nextTokenHash, Instant now);

    /**
     * For a used {@code current} whose successor was never used (the answer carrying it was lost, or
     * arrived after another use of {@code current}): spends that successor as if it had been rotated to
     * {@code nextTokenHash} at {@code now}, and makes {@code nextTokenHash} the successor of both, so
     * the family still has exactly one live token and either cookie the browser kept leads to it.
     * ALREADY_USED if the successor was used or replaced meanwhile.
     */
    Rotation replaceSuccessor(RefreshToken current, String nextTokenHash, Instant now);

    /**
     * Ends a session (logout, or reuse of a rotated refresh token): the family can no longer refresh
     * and every access token issued in it is refused until {@code accessTokensExpireBy}.
     */
    void revokeFamily(String familyId, Instant accessTokensExpireBy);
}
