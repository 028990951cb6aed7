package dev.orderchainer.security;

import java.time.Instant;

/**
 * Sessions ended before their access tokens expire (logout, refresh token reuse). Every access
 * token carries its session (sid), so one entry refuses all of them, older ones included.
 */
public interface RevocationList {
    boolean isRevoked(AccessClaims claims);

    /** Refuses the session's access tokens until {@code until}, when the last of them expires anyway. */
    void revoke(String sessionId, Instant until);
}
