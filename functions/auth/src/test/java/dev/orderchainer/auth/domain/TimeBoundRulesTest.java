package dev.orderchainer.auth.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.auth.store.DynamoDbSessionStore;
import dev.orderchainer.auth.store.DynamoDbUserStore;
import dev.orderchainer.auth.store.DynamoDbVerificationTokenStore;
import dev.orderchainer.common.http.ApiProblem;
import dev.orderchainer.common.observability.EmfMetrics;
import dev.orderchainer.local.LocalServices;
import dev.orderchainer.security.AccessTokens;
import dev.orderchainer.security.SecurityEvents;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Rules that depend on time, driven by a clock we move, against DynamoDB Local. */
class TimeBoundRulesTest {
    private static final String PASSWORD = "violet kettle orbit mango";
    private final LocalServices local = LocalServices.shared();
    private final DynamoDbUserStore users = new DynamoDbUserStore(local.dynamoDb(), "AppTable");
    private final PasswordHasher hasher = new PasswordHasher();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T12:00:00Z"));
    private final SecurityEvents events = new SecurityEvents(new EmfMetrics("test", "test", line -> { }, Clock.systemUTC()));

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

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
        ApiProblem expired = assertThrows(ApiProblem.class, () -> verification.verify(token));
        assertTrue(expired.detail().contains("expired"));
        assertFalse(users.findByEmail(user.email()).orElseThrow().emailVerified());
    }

    @Test
    void aLockedAccountOpensAgainAfterItsBackoffAndSuccessResetsTheCount() {
        User user = newUser(true);
        AccessTokens tokens = new AccessTokens("k7Qp2vX9rT4mW8zL1cN6bJ3hF5dS0aGeYuIoPlKj".getBytes(StandardCharsets.UTF_8),
                "orderchainer", "orderchainer-api", Duration.ofMinutes(30), clock);
        Sessions sessions = new Sessions(new DynamoDbSessionStore(local.dynamoDb(), "AppTable"), tokens, Duration.ofDays(14), clock, events);
        Login login = new Login(users, hasher, sessions, clock, true, 3, events);
        for (int i = 0; i < 3; i++) {
            assertThrows(ApiProblem.class, () -> login.login(user.username(), "wrong wrong wrong"));
        }
        assertEquals(401, assertThrows(ApiProblem.class, () -> login.login(user.username(), PASSWORD)).status(), "locked");
        // The fourth failure (while locked) extended the lock to 2 minutes.
        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        assertEquals("bearer", login.login(user.username(), PASSWORD).tokenType());
        User after = users.findByUsername(user.username()).orElseThrow();
        assertEquals(0, after.failedLogins());
        assertFalse(after.lockedAt(clock.instant()));
    }

    @Test
    void refreshTokensStopWorkingWhenTheirSessionExpires() {
        User user = newUser(true);
        AccessTokens tokens = new AccessTokens("k7Qp2vX9rT4mW8zL1cN6bJ3hF5dS0aGeYuIoPlKj".getBytes(StandardCharsets.UTF_8),
                "orderchainer", "orderchainer-api", Duration.ofMinutes(30), clock);
        Sessions sessions = new Sessions(new DynamoDbSessionStore(local.dynamoDb(), "AppTable"), tokens, Duration.ofDays(14), clock, events);
        TokenPair pair = sessions.start(user.id());
        clock.advance(Duration.ofDays(14).plusSeconds(1));
        assertEquals(401, assertThrows(ApiProblem.class, () -> sessions.refresh(pair.refreshToken())).status());
    }
}
