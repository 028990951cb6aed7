package dev.orderchainer.auth.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.auth.testing.InMemorySessionStore;
import dev.orderchainer.common.domain.InvalidInputException;
import dev.orderchainer.common.domain.UnauthenticatedException;
import dev.orderchainer.common.observability.EmfMetrics;
import dev.orderchainer.local.MovableClock;
import dev.orderchainer.security.AccessClaims;
import dev.orderchainer.security.AccessTokens;
import dev.orderchainer.security.SecurityEvents;
import dev.orderchainer.security.SigningKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Refresh rotation, reuse, the lost-answer grace and logout over the in-memory session store: milliseconds each. */
class SessionsTest {
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final SigningKeys KEYS = SigningKeys.generate(Instant.EPOCH);
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final AccessTokens accessTokens = new AccessTokens(KEYS, "iss", "aud", Duration.ofMinutes(15), clock);
    private final List<String> metrics = new ArrayList<>();
    private final Sessions sessions = new Sessions(store, accessTokens, Duration.ofDays(14), GRACE, clock,
            new SecurityEvents(new EmfMetrics("test", "test", metrics::add, clock)));

    private boolean recorded(String event) {
        return metrics.stream().anyMatch(line -> line.contains("\"" + event + "\""));
    }

    private String familyOf(TokenPair pair) throws Exception {
        return accessTokens.verify(pair.accessToken()).sessionId();
    }

    @Test
    void aSessionStartsWithAnAccessTokenForTheUserAndARefreshTokenForTwoWeeks() throws Exception {
        TokenPair pair = sessions.start("user-1");
        AccessClaims claims = accessTokens.verify(pair.accessToken());
        assertEquals("user-1", claims.userId());
        assertEquals("bearer", pair.tokenType());
        assertEquals(15 * 60, pair.expiresIn());
        assertEquals(14 * 24 * 3600, pair.refreshExpiresIn());
    }

    @Test
    void eachRefreshRotatesTheTokenWithinTheSameSessionAndItsOriginalExpiry() throws Exception {
        TokenPair first = sessions.start("user-1");
        String family = familyOf(first);
        clock.advance(Duration.ofDays(1));
        TokenPair second = sessions.refresh(first.refreshToken());
        assertNotEquals(first.refreshToken(), second.refreshToken());
        assertEquals(family, familyOf(second));
        assertEquals(13 * 24 * 3600, second.refreshExpiresIn(), "rotation does not extend the session");
        assertEquals("user-1", accessTokens.verify(second.accessToken()).userId());
    }

    @Test
    void aRefreshTokenWorksUntilTheMomentItsSessionExpires() {
        TokenPair first = sessions.start("user-1");
        clock.advance(Duration.ofDays(14).minusSeconds(1));
        TokenPair second = sessions.refresh(first.refreshToken());
        assertEquals(1, second.refreshExpiresIn());
        clock.advance(Duration.ofSeconds(1));
        assertThrows(UnauthenticatedException.class, () -> sessions.refresh(second.refreshToken()));
        assertFalse(recorded("refresh_token_reuse"), "an expired token is not reuse");
    }

    @Test
    void usingARotatedTokenAgainEndsTheSessionForEveryToken() throws Exception {
        TokenPair first = sessions.start("user-1");
        TokenPair second = sessions.refresh(first.refreshToken());
        assertThrows(UnauthenticatedException.class, () -> sessions.refresh(first.refreshToken()));
        assertTrue(recorded("refresh_token_reuse"));
        String family = familyOf(first);
        assertTrue(store.isRevoked(family));
        assertEquals(Optional.of(clock.instant().plus(Duration.ofMinutes(15))), store.accessTokensRefusedUntil(family),
                "access tokens of the session are refused until the newest one would expire");
        assertThrows(UnauthenticatedException.class, () -> sessions.refresh(second.refreshToken()));
    }

    @Test
    void anUnknownTokenIsRefusedWithoutEndingAnything() {
        TokenPair pair = sessions.start("user-1");
        UnauthenticatedException refused = assertThrows(UnauthenticatedException.class, () -> sessions.refresh("x".repeat(128)));
        assertEquals("The refresh token is invalid, expired or revoked; log in again", refused.getMessage());
        assertFalse(recorded("refresh_token_reuse"));
        sessions.refresh(pair.refreshToken());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 129})
    void aMissingOrOverlongTokenIsBadInput(int length) {
        assertThrows(InvalidInputException.class, () -> sessions.refresh("x".repeat(length)));
        assertThrows(InvalidInputException.class, () -> Sessions.requireRefreshToken(length == 0 ? null : "   "));
    }

    @Test
    void aCookieWhoseAnswerWasLostWorksOnceMoreWithinTheGraceAndSpendsTheLostSuccessor() {
        TokenPair first = sessions.start("user-1");
        TokenPair lost = sessions.refreshCookie(first.refreshToken());
        clock.advance(GRACE);
        TokenPair again = sessions.refreshCookie(first.refreshToken());
        assertTrue(recorded("refresh_answer_lost"));
        assertFalse(recorded("refresh_token_reuse"));
        assertNotEquals(lost.refreshToken(), again.refreshToken());
        // The lost successor now leads to the live token too (the browser may store that answer after all)...
        TokenPair fromLost = sessions.refreshCookie(lost.refreshToken());
        // ...and once the live token is used, every older cookie is reuse.
        sessions.refreshCookie(fromLost.refreshToken());
        assertThrows(UnauthenticatedException.class, () -> sessions.refreshCookie(again.refreshToken()));
        assertTrue(recorded("refresh_token_reuse"));
    }

    @Test
    void theGraceEndsAfterTenSeconds() {
        TokenPair first = sessions.start("user-1");
        sessions.refreshCookie(first.refreshToken());
        clock.advance(GRACE.plusMillis(1));
        assertThrows(UnauthenticatedException.class, () -> sessions.refreshCookie(first.refreshToken()));
        assertTrue(recorded("refresh_token_reuse"));
    }

    @Test
    void aTokenFromARequestBodyGetsNoGrace() {
        TokenPair first = sessions.start("user-1");
        sessions.refresh(first.refreshToken());
        assertThrows(UnauthenticatedException.class, () -> sessions.refresh(first.refreshToken()));
        assertTrue(recorded("refresh_token_reuse"));
        assertFalse(recorded("refresh_answer_lost"));
    }

    @Test
    void aCookiePresentedWhileItsFirstUseIsStillRunningFindsTheAnswerThatUseLost() {
        TokenPair first = sessions.start("user-1");
        String[] other = new String[1];
        store.beforeNextWrite(() -> other[0] = sessions.refreshCookie(first.refreshToken()).refreshToken());
        TokenPair mine = sessions.refreshCookie(first.refreshToken());
        assertNotEquals(other[0], mine.refreshToken());
        assertFalse(recorded("refresh_token_reuse"), "two uses at once of one cookie keep the session");
        sessions.refreshCookie(mine.refreshToken());
    }

    @Test
    void aBodyTokenUsedTwiceAtOnceIsReuse() {
        TokenPair first = sessions.start("user-1");
        store.beforeNextWrite(() -> sessions.refresh(first.refreshToken()));
        assertThrows(UnauthenticatedException.class, () -> sessions.refresh(first.refreshToken()));
        assertTrue(recorded("refresh_token_reuse"));
    }

    @Test
    void afterLogoutTheSessionsTokensAreRefusedAndThatIsNotReuse() throws Exception {
        TokenPair pair = sessions.start("user-1");
        sessions.logout(accessTokens.verify(pair.accessToken()));
        String family = familyOf(pair);
        assertEquals(Optional.of(clock.instant().plus(Duration.ofMinutes(15))), store.accessTokensRefusedUntil(family));
        assertThrows(UnauthenticatedException.class, () -> sessions.refresh(pair.refreshToken()));
        assertFalse(recorded("refresh_token_reuse"));
    }
}
