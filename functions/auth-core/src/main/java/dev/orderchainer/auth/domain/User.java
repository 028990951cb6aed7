package dev.orderchainer.auth.domain;

import java.time.Instant;

/** A registered account. The password hash is an Argon2id PHC string; it never leaves the service. */
public record User(
        String id,
        String email,
        String username,
        String passwordHash,
        boolean emailVerified,
        Instant createdAt,
        int failedLogins,
        Instant lockedUntil) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
