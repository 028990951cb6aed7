package dev.orderchainer.security;

import java.time.Instant;

/** Access tokens revoked before their expiry (logout). */
public interface RevocationList {
    boolean isRevoked(String tokenId);

    void revoke(String tokenId, Instant until);
}
