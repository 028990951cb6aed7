package dev.orderchainer.auth.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.auth.testing.InMemoryVerificationTokenStore;
import dev.orderchainer.common.domain.InvalidInputException;
import dev.orderchainer.common.domain.SecretTokens;
import dev.orderchainer.local.MovableClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EmailVerificationTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private final InMemoryVerificationTokenStore tokens = new InMemoryVerificationTokenStore();
    private final EmailVerification verification = new EmailVerification(tokens, clock);

    private String issued(String userId, String token) {
        tokens.save(SecretTokens.hash(token), userId, clock.instant().plus(EmailVerification.TOKEN_LIFETIME));
        return token;
    }

    @Test
    void aTokenVerifiesItsUserOnce() {
        String token = issued("user-1", SecretTokens.newToken());
        verification.verify(token);
        assertTrue(tokens.isVerified("user-1"));
        InvalidInputException again = assertThrows(InvalidInputException.class, () -> verification.verify(token));
        assertEquals("The verification token is invalid, already used or expired; request a new email", again.getMessage());
    }

    @Test
    void tokensUpTo128CharactersAreLookedUpAndLongerOnesAreNot() {
        String longest = issued("user-1", "t".repeat(128));
        verification.verify(longest);
        assertTrue(tokens.isVerified("user-1"));
        String tooLong = issued("user-2", "t".repeat(129));
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> verification.verify(tooLong));
        assertEquals("Field 'token' must be the token from the verification email", refused.getMessage());
        assertFalse(tokens.isVerified("user-2"));
        assertThrows(InvalidInputException.class, () -> verification.verify(null));
        assertThrows(InvalidInputException.class, () -> verification.verify("  "));
    }
}
