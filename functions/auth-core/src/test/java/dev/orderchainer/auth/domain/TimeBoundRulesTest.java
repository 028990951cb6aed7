package dev.orderchainer.auth.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.auth.store.DynamoDbSessionStore;
import dev.orderchainer.auth.store.DynamoDbUserStore;
import dev.orderchainer.auth.store.DynamoDbVerificationTokenStore;
import dev.orderchainer.common.domain.DomainException;
import dev.orderchainer.common.domain.SecretTokens;
import dev.orderchainer.common.http.ApiProblem;
import dev.orderchainer.common.http.Problems;
import dev.orderchainer.common.observability.EmfMetrics;
import dev.orderchainer.local.LocalServices;
import dev.orderchainer.local.MovableClock;
import dev.orderchainer.security.AccessTokens;
import dev.orderchainer.security.SecurityEvents;
import dev.orderchainer.security.SigningKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Rules that depend on time, driven by a clock we move, against DynamoDB Local. */
class TimeBoundRulesTest {
    private static final String PASSWORD = "violet kettle orbit mango";
    private static final SigningKeys KEYS = SigningKeys.generate(Instant.EPOCH);
    private final LocalServices local = LocalServices.shared();
    private final DynamoDbUserStore users = new DynamoDbUserStore(local.dynamoDb(), "AppTable");
    private final PasswordHasher hasher = new PasswordHasher();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T12:00:00Z"));
    private final SecurityEvents events = new SecurityEvents(new EmfMetrics("test", "test", line -> { }, Clock.systemUTC()));

    private User newUser(boolean verified) {
        String id = UUID.randomUUID().toString();
        User user = new User(id, id.substring(0, 8) + "@example.org", "t_" + id.substring(0, 8), hasher.hash(PASSWORD), verified,
                clock.instant(), 0, null);
        users.create(user);
        return user;
    }

    @Test
    void verificationTokensExpireAfter24HoursEvenBeforeTtlRemovesThem() {
        User user = newUser(false);
        var store = new DynamoDbVerificationTokenStore(local.dynamoDb(), "AppTable");
        String token = SecretTokens.newToken();
        store.save(SecretTokens.hash(token), user.id(), clock.instant().plus(EmailVerification.TOKEN_LIFETIME));
        EmailVerification verification = new EmailVerification(store, clock);
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        ApiProblem expired = Problems.of(assertThrows(DomainException.class, () -> verification.verify(token)));
        assertTrue(expired.detail().contains("expired"));
        assertFalse(users.findByEmail(user.email()).orElseThrow().emailVerified());
    }

    private Sessions sessions() {
        AccessTokens tokens = new AccessTokens(KEYS, "orderchainer", "orderchainer-api", Duration.ofMinutes(30), clock);
        return new Sessions(new DynamoDbSessionStore(local.dynamoDb(), "AppTable"), tokens, Duration.ofDays(14), Duration.ofSeconds(10), clock,
                events);
    }

    private static final ResponseFloor NO_FLOOR = new ResponseFloor(Duration.ZERO, System::nanoTime, nanos -> { });

    @Test
    void attemptsDuringALockNeitherCountNorExtendItAndTheRightPasswordWorksWhenItEnds() {
        User user = newUser(true);
        Login login = new Login(users, hasher, sessions(), clock, true, 3, events, NO_FLOOR);
        for (int i = 0; i < 3; i++) {
            Problems.of(assertThrows(DomainException.class, () -> login.login(user.username(), "wrong wrong wrong")));
        }
        Instant lockedUntil = users.findByUsername(user.username()).orElseThrow().lockedUntil();
        assertEquals(clock.instant().plus(Duration.ofMinutes(1)), lockedUntil, "the third failure locks for a minute");
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(5));
            String password = i % 2 == 0 ? PASSWORD : "wrong wrong wrong";
            assertEquals(401, Problems.of(assertThrows(DomainException.class, () -> login.login(user.username(), password))).status(), "locked");
        }
        User during = users.findByUsername(user.username()).orElseThrow();
        assertEquals(3, during.failedLogins(), "attempts while locked are not counted");
        assertEquals(lockedUntil, during.lockedUntil(), "nor do they extend the lock");
        clock.advance(Duration.ofSeconds(11));
        assertEquals("bearer", login.login(user.username(), PASSWORD).tokenType(), "the right password works once the lock ends");
        User after = users.findByUsername(user.username()).orElseThrow();
        assertEquals(0, after.failedLogins());
        assertFalse(after.lockedAt(clock.instant()));
    }

    @Test
    void theBackoffStillGrowsWithFailuresAfterALockEnds() {
        User user = newUser(true);
        Login login = new Login(users, hasher, sessions(), clock, true, 3, events, NO_FLOOR);
        for (int i = 0; i < 3; i++) {
            Problems.of(assertThrows(DomainException.class, () -> login.login(user.username(), "wrong wrong wrong")));
        }
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        Problems.of(assertThrows(DomainException.class, () -> login.login(user.username(), "wrong wrong wrong")));
        assertEquals(clock.instant().plus(Duration.ofMinutes(2)), users.findByUsername(user.username()).orElseThrow().lockedUntil());
    }

    @Test
    void everyFailedLoginIsAnsweredAtTheSameMomentWhateverWorkItTook() {
        User user = newUser(true);
        long[] now = {0};
        List<Long> answeredAfter = new ArrayList<>();
        // A ticker that only moves when the store works (a write costs more than a read) or the floor sleeps.
        ResponseFloor floor = new ResponseFloor(Duration.ofMillis(250), () -> now[0], nanos -> now[0] += nanos);
        UserStore timedUsers = new UserStore() {
            private <T> T costs(long millis, T result) {
                now[0] += Duration.ofMillis(millis).toNanos();
                return result;
            }

            @Override public void create(User u) { users.create(u); }
            @Override public Optional<User> findByEmail(String email) { return costs(8, users.findByEmail(email)); }
            @Override public Optional<User> findByUsername(String name) { return costs(8, users.findByUsername(name)); }
            @Override public Optional<User> findById(String id) { return costs(8, users.findById(id)); }
            @Override public int recordFailedLogin(String id) { return costs(20, users.recordFailedLogin(id)); }
            @Override public void lockUntil(String id, Instant until) {
                costs(20, null);
                users.lockUntil(id, until);
            }
            @Override public void clearFailedLogins(String id) { users.clearFailedLogins(id); }
        };
        Login login = new Login(timedUsers, hasher, sessions(), clock, true, 3, events, floor);
        for (String[] attempt : new String[][] {{"nobody_" + user.id().substring(0, 6), "wrong wrong wrong"},
                {user.username(), "wrong wrong wrong"}, {user.email(), "wrong wrong wrong"}, {user.username(), "wrong wrong wrong"},
                {user.username(), PASSWORD}, {"x".repeat(300), PASSWORD}}) {
            long began = now[0];
            assertEquals(401, Problems.of(assertThrows(DomainException.class, () -> login.login(attempt[0], attempt[1]))).status());
            answeredAfter.add(now[0] - began);
        }
        assertEquals(Collections.nCopies(6, Duration.ofMillis(250).toNanos()), answeredAfter,
                "unknown, wrong password, the failure that locks, locked, too long: all answered 250 ms after they began");
        clock.advance(Duration.ofMinutes(2));
        long began = now[0];
        assertEquals("bearer", login.login(user.username(), PASSWORD).tokenType());
        assertTrue(now[0] - began < Duration.ofMillis(250).toNanos(), "a successful login is not held");
    }

    @Test
    void refreshTokensStopWorkingWhenTheirSessionExpires() {
        User user = newUser(true);
        Sessions sessions = sessions();
        TokenPair pair = sessions.start(user.id());
        clock.advance(Duration.ofDays(14).plusSeconds(1));
        assertEquals(401, Problems.of(assertThrows(DomainException.class, () -> sessions.refresh(pair.refreshToken()))).status());
    }

    // ---- a refresh answer the browser lost ----

    private static int refused(Runnable refresh) {
        return Problems.of(assertThrows(DomainException.class, refresh::run)).status();
    }

    @Test
    void aCookieWhoseAnswerWasLostMayBePresentedAgainWithinTheGraceAndTheLostSuccessorIsSpent() {
        Sessions sessions = sessions();
        String first = sessions.start(newUser(true).id()).refreshToken();
        String lost = sessions.refreshCookie(first).refreshToken();
        clock.advance(Duration.ofSeconds(9));
        String again = sessions.refreshCookie(first).refreshToken();
        String next = sessions.refreshCookie(again).refreshToken();
        assertEquals(401, refused(() -> sessions.refreshCookie(lost)), "once the token that replaced it was used, the lost successor is reuse");
        assertEquals(401, refused(() -> sessions.refreshCookie(next)), "and presenting it is reuse: the session ends");
    }

    @Test
    void theGraceIsShortAndOnlyWhileTheSuccessorWasNeverUsed() {
        Sessions sessions = sessions();
        String first = sessions.start(newUser(true).id()).refreshToken();
        String second = sessions.refreshCookie(first).refreshToken();
        clock.advance(Duration.ofSeconds(11));
        assertEquals(401, refused(() -> sessions.refreshCookie(first)), "after the grace, a second use is reuse");
        assertEquals(401, refused(() -> sessions.refreshCookie(second)), "which ended the session");

        String start = sessions.start(newUser(true).id()).refreshToken();
        String used = sessions.refreshCookie(start).refreshToken();
        String latest = sessions.refreshCookie(used).refreshToken();
        assertEquals(401, refused(() -> sessions.refreshCookie(start)), "the successor was used: the answer was not lost");
        assertEquals(401, refused(() -> sessions.refreshCookie(latest)), "which ended the session");
    }

    @Test
    void eitherCookieOfARaceLeadsToTheOneLiveTokenUntilItIsUsed() {
        Sessions sessions = sessions();
        String first = sessions.start(newUser(true).id()).refreshToken();
        String late = sessions.refreshCookie(first).refreshToken();
        // The old cookie is presented again before the answer carrying 'late' reached the browser...
        String second = sessions.refreshCookie(first).refreshToken();
        // ...which then stored 'late' after all: presented within the grace, it leads to the live token too.
        String third = sessions.refreshCookie(late).refreshToken();
        String latest = sessions.refreshCookie(third).refreshToken();
        assertEquals(401, refused(() -> sessions.refreshCookie(second)), "once the live token was used, every older one is reuse");
        assertEquals(401, refused(() -> sessions.refreshCookie(latest)), "and presenting one ends the session");
    }

    @Test
    void aRefreshTokenFromARequestBodyGetsNoGrace() {
        Sessions sessions = sessions();
        String first = sessions.start(newUser(true).id()).refreshToken();
        String second = sessions.refresh(first).refreshToken();
        assertEquals(401, refused(() -> sessions.refresh(first)));
        assertEquals(401, refused(() -> sessions.refresh(second)), "reuse ends the session at once");
    }

    /** The session store with another request's use of the same token slipped in before the first rotation. */
    private static final class RacingStore implements SessionStore {
        private final SessionStore real;
        private Runnable otherUse;

        RacingStore(SessionStore real, Runnable otherUse) {
            this.real = real;
            this.otherUse = otherUse;
        }

        @Override public void start(String familyId, String userId, Instant expiresAt, String firstTokenHash) {
            real.start(familyId, userId, expiresAt, firstTokenHash);
        }

        @Override public Optional<RefreshToken> find(String tokenHash) {
            return real.find(tokenHash);
        }

        @Override public Rotation rotate(RefreshToken current, String nextTokenHash, Instant now) {
            Runnable other = otherUse;
            otherUse = null;
            if (other != null) {
                other.run();
            }
            return real.rotate(current, nextTokenHash, now);
        }

        @Override public Rotation replaceSuccessor(RefreshToken current, String nextTokenHash, Instant now) {
            return real.replaceSuccessor(current, nextTokenHash, now);
        }

        @Override public void revokeFamily(String familyId, Instant accessTokensExpireBy) {
            real.revokeFamily(familyId, accessTokensExpireBy);
        }
    }

    private Sessions racing(Runnable otherUse) {
        AccessTokens tokens = new AccessTokens(KEYS, "orderchainer", "orderchainer-api", Duration.ofMinutes(30), clock);
        return new Sessions(new RacingStore(new DynamoDbSessionStore(local.dynamoDb(), "AppTable"), otherUse),
                tokens, Duration.ofDays(14), Duration.ofSeconds(10), clock, events);
    }

    @Test
    void aCookiePresentedAgainWhileItsFirstUseIsStillRunningKeepsTheSession() {
        Sessions sessions = sessions();
        String cookie = sessions.start(newUser(true).id()).refreshToken();
        // The page that was left rotates the cookie between this request's read and its write.
        String kept = racing(() -> sessions.refreshCookie(cookie)).refreshCookie(cookie).refreshToken();
        assertEquals("bearer", sessions.refreshCookie(kept).tokenType(), "the session lives on with the later answer");
    }

    @Test
    void aBodyTokenUsedTwiceAtOnceIsStillReuse() {
        Sessions sessions = sessions();
        String body = sessions.start(newUser(true).id()).refreshToken();
        String[] winner = new String[1];
        assertEquals(401, refused(() -> racing(() -> winner[0] = sessions.refresh(body).refreshToken()).refresh(body)));
        assertEquals(401, refused(() -> sessions.refresh(winner[0])), "which ended the session");
    }
}
