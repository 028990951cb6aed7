package dev.orderchainer.auth.testing;

import dev.orderchainer.auth.domain.SessionStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sessions in maps with the DynamoDB store's conditions: a token rotates only while unused, a lost
 * successor is replaced only while it is still the successor and unused, nothing rotates in a revoked family.
 */
public final class InMemorySessionStore implements SessionStore {
    private final Map<String, RefreshToken> tokens = new HashMap<>();
    private final Set<String> revoked = new HashSet<>();
    private final Map<String, Instant> accessTokensRefusedUntil = new HashMap<>();
    private Runnable beforeNextWrite = () -> { };

    /** Runs {@code change} just before the next rotation is decided, as a concurrent request would. */
    public void beforeNextWrite(Runnable change) {
        this.beforeNextWrite = change;
    }

    @Override
    public void start(String familyId, String userId, Instant expiresAt, String firstTokenHash) {
        tokens.put(firstTokenHash, new RefreshToken(firstTokenHash, userId, familyId, expiresAt, false, null, null));
    }

    @Override
    public Optional<RefreshToken> find(String tokenHash) {
        return Optional.ofNullable(tokens.get(tokenHash));
    }

    @Override
    public Rotation rotate(RefreshToken current, String nextTokenHash, Instant now) {
        runBeforeWrite();
        if (tokens.get(current.hash()).used()) {
            return Rotation.ALREADY_USED;
        }
        if (revoked.contains(current.familyId())) {
            return Rotation.FAMILY_REVOKED;
        }
        spend(current.hash(), nextTokenHash, now);
        issue(current, nextTokenHash);
        return Rotation.ROTATED;
    }

    @Override
    public Rotation replaceSuccessor(RefreshToken current, String nextTokenHash, Instant now) {
        runBeforeWrite();
        RefreshToken presented = tokens.get(current.hash());
        RefreshToken lost = tokens.get(current.successor());
        if (!current.successor().equals(presented.successor()) || lost == null || lost.used()) {
            return Rotation.ALREADY_USED;
        }
        if (revoked.contains(current.familyId())) {
            return Rotation.FAMILY_REVOKED;
        }
        tokens.put(current.hash(), new RefreshToken(presented.hash(), presented.userId(), presented.familyId(), presented.expiresAt(),
                presented.used(), presented.usedAt(), nextTokenHash));
        spend(lost.hash(), nextTokenHash, now);
        issue(current, nextTokenHash);
        return Rotation.ROTATED;
    }

    @Override
    public void revokeFamily(String familyId, Instant accessTokensExpireBy) {
        revoked.add(familyId);
        accessTokensRefusedUntil.put(familyId, accessTokensExpireBy);
    }

    public boolean isRevoked(String familyId) {
        return revoked.contains(familyId);
    }

    /** Until when the family's access tokens are refused (empty while it is live). */
    public Optional<Instant> accessTokensRefusedUntil(String familyId) {
        return Optional.ofNullable(accessTokensRefusedUntil.get(familyId));
    }

    /** The new, unused token of {@code current}'s family, expiring with it. */
    private void issue(RefreshToken current, String nextTokenHash) {
        tokens.put(nextTokenHash, new RefreshToken(nextTokenHash, current.userId(), current.familyId(), current.expiresAt(), false, null, null));
    }

    private void spend(String hash, String successor, Instant now) {
        RefreshToken t = tokens.get(hash);
        tokens.put(hash, new RefreshToken(t.hash(), t.userId(), t.familyId(), t.expiresAt(), true, now, successor));
    }

    private void runBeforeWrite() {
        Runnable change = beforeNextWrite;
        beforeNextWrite = () -> { };
        change.run();
    }
}
