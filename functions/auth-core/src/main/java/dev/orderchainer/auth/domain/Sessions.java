package dev.orderchainer.auth.domain;

import dev.orderchainer.common.domain.InvalidInputException;
import dev.orderchainer.common.domain.SecretTokens;
import dev.orderchainer.common.domain.UnauthenticatedException;
import dev.orderchainer.security.AccessClaims;
import dev.orderchainer.security.AccessTokens;
import dev.orderchainer.security.SecurityEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Login sessions: issuing token pairs, refresh with rotation and reuse detection, logout. */
public final class Sessions {
    private final SessionStore store;
    private final AccessTokens accessTokens;
    private final Duration refreshLifetime;
    private final Duration lostAnswerGrace;
    private final Clock clock;
    private final SecurityEvents events;

    /**
     * {@code lostAnswerGrace}: how long after its rotation a refresh cookie may be presented again
     * when its successor was never used (see {@link #refreshCookie}).
     */
    public Sessions(SessionStore store, AccessTokens accessTokens, Duration refreshLifetime, Duration lostAnswerGrace,
            Clock clock, SecurityEvents events) {
        this.store = store;
        this.accessTokens = accessTokens;
        this.refreshLifetime = refreshLifetime;
        this.lostAnswerGrace = lostAnswerGrace;
        this.clock = clock;
        this.events = events;
    }

    public TokenPair start(String userId) {
        String familyId = UUID.randomUUID().toString();
        Instant expires = clock.instant().plus(refreshLifetime);
        String refresh = SecretTokens.newToken();
        store.start(familyId, userId, expires, SecretTokens.hash(refresh));
        return pair(userId, familyId, refresh, expires);
    }

    /** The shape of a refresh request, checked before anything else happens. */
    public static void requireRefreshToken(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 128) {
            throw new InvalidInputException("Field 'refresh_token' is required");
        }
    }

    /** A refresh token from a request body: any second use is reuse and ends the session. */
    public TokenPair refresh(String refreshToken) {
        return refresh(refreshToken, false);
    }

    /**
     * A refresh token from the web app's cookie. A browser can lose the answer to a refresh (a reload
     * aborts it) and keep the old cookie; so shortly after its rotation, and only while its successor
     * was never used, the old cookie is swapped once more and that unused successor is spent instead.
     * Anything else is reuse, as in {@link #refresh(String)}. The cookie is HttpOnly and SameSite=Strict,
     * so no page script or other site can hold it to race its owner.
     */
    public TokenPair refreshCookie(String refreshToken) {
        return refresh(refreshToken, true);
    }

    private TokenPair refresh(String refreshToken, boolean answerMayBeLost) {
        requireRefreshToken(refreshToken);
        Instant now = clock.instant();
        String hash = SecretTokens.hash(refreshToken);
        String next = SecretTokens.newToken();
        SessionStore.RefreshToken current = null;
        // A cookie can be presented again while its first use is still running (a page reloaded in the
        // middle of its refresh): the loser reads the token again and finds the answer it lost.
        for (int attempt = 0; attempt < 3; attempt++) {
            current = store.find(hash).filter(t -> t.expiresAt().isAfter(now)).orElseThrow(Sessions::invalidRefresh);
            SessionStore.Rotation rotation;
            if (!current.used()) {
                rotation = store.rotate(current, SecretTokens.hash(next), now);
            } else if (answerMayBeLost && lostAnswer(current, now)) {
                rotation = store.replaceSuccessor(current, SecretTokens.hash(next), now);
                if (rotation == SessionStore.Rotation.ROTATED) {
                    events.record("refresh_answer_lost", current.userId(), "family " + current.familyId() + " re-issued");
                }
            } else {
                break;
            }
            if (rotation == SessionStore.Rotation.ROTATED) {
                return pair(current.userId(), current.familyId(), next, current.expiresAt());
            }
            if (rotation == SessionStore.Rotation.FAMILY_REVOKED) {
                throw invalidRefresh();
            }
        }
        reuse(current);
        throw invalidRefresh();
    }

    /** Used within the grace, and its successor (as far as this token knows) never presented. */
    private boolean lostAnswer(SessionStore.RefreshToken token, Instant now) {
        return token.successor() != null && token.usedAt() != null && !now.isAfter(token.usedAt().plus(lostAnswerGrace));
    }

    public void logout(AccessClaims claims) {
        endSession(claims.sessionId());
    }

    private void reuse(SessionStore.RefreshToken token) {
        endSession(token.familyId());
        events.record("refresh_token_reuse", token.userId(), "family " + token.familyId() + " revoked");
        throw invalidRefresh();
    }

    /** No access token of the session outlives the newest one, which expires at most one lifetime from now. */
    private void endSession(String familyId) {
        store.revokeFamily(familyId, clock.instant().plus(accessTokens.lifetime()));
    }

    private TokenPair pair(String userId, String familyId, String refresh, Instant refreshExpires) {
        AccessTokens.Issued access = accessTokens.issue(userId, familyId);
        long refreshSeconds = Math.max(0, Duration.between(clock.instant(), refreshExpires).toSeconds());
        return new TokenPair(access.token(), "bearer", accessTokens.lifetime().toSeconds(), refresh, refreshSeconds);
    }

    private static UnauthenticatedException invalidRefresh() {
        return new UnauthenticatedException("The refresh token is invalid, expired or revoked; log in again");
    }
}
