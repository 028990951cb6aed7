package dev.orderchainer.auth.domain;

import dev.orderchainer.common.domain.InvalidInputException;
import dev.orderchainer.common.domain.SecretTokens;
import java.time.Clock;
import java.time.Duration;

/** Consumes the single-use token from a verification email. */
public final class EmailVerification {
    /** How long a verification link works (the check is in the store\'s condition). */
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(24);
    private final VerificationTokenStore tokens;
    private final Clock clock;

    public EmailVerification(VerificationTokenStore tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    public void verify(String token) {
        if (token == null || token.isBlank() || token.length() > 128) {
            throw new InvalidInputException("Field 'token' must be the token from the verification email");
        }
        if (!tokens.consume(SecretTokens.hash(token), clock.instant())) {
            throw new InvalidInputException("The verification token is invalid, already used or expired; request a new email");
        }
    }
}
