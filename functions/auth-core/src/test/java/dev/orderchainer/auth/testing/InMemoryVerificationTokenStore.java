package dev.orderchainer.auth.testing;

import dev.orderchainer.auth.domain.VerificationTokenStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Single-use tokens in a map; consuming one marks its user verified, as the DynamoDB store's transaction does. */
public final class InMemoryVerificationTokenStore implements VerificationTokenStore {
    private record Token(String userId, Instant expiresAt) {}

    private final Map<String, Token> tokens = new HashMap<>();
    private final Set<String> verified = new HashSet<>();

    @Override
    public void save(String tokenHash, String userId, Instant expiresAt) {
        tokens.put(tokenHash, new Token(userId, expiresAt));
    }

    @Override
    public boolean consume(String tokenHash, Instant now) {
        Token token = tokens.get(tokenHash);
        if (token == null || !token.expiresAt().isAfter(now)) {
            return false;
        }
        tokens.remove(tokenHash);
        verified.add(token.userId());
        return true;
    }

    public boolean isVerified(String userId) {
        return verified.contains(userId);
    }
}
