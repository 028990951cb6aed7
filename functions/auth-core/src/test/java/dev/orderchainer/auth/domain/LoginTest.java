package dev.orderchainer.auth.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.auth.testing.InMemorySessionStore;
import dev.orderchainer.auth.testing.InMemoryUserStore;
import dev.orderchainer.common.domain.InvalidInputException;
import dev.orderchainer.common.domain.NotPermittedException;
import dev.orderchainer.common.domain.UnauthenticatedException;
import dev.orderchainer.common.observability.EmfMetrics;
import dev.orderchainer.local.MovableClock;
import dev.orderchainer.security.AccessTokens;
import dev.orderchainer.security.SecurityEvents;
import dev.orderchainer.security.SigningKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The password grant over in-memory stores (Argon2 is real, hashed once per password). */
class LoginTest {
    private static final String PASSWORD = "violet kettle orbit mango";
    private static final PasswordHasher HASHER = new PasswordHasher();
    private static final String HASH = HASHER.hash(PASSWORD);
    private static final SigningKeys KEYS = SigningKeys.generate(Instant.EPOCH);
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private final InMemoryUserStore users = new InMemoryUserStore();
    private final List<String> metrics = new ArrayList<>();
    private final SecurityEvents events = new SecurityEvents(new EmfMetrics("test", "test", metrics::add, clock));
    private final AccessTokens accessTokens = new AccessTokens(KEYS, "iss", "aud", Duration.ofMinutes(15), clock);
    private final Sessions sessions = new Sessions(new InMemorySessionStore(), accessTokens, Duration.ofDays(14), Duration.ofSeconds(10),
            clock, events);
    private final List<Long> held = new ArrayList<>();
    private final long[] nanos = {0};
    private final ResponseFloor floor = new ResponseFloor(Duration.ofMillis(250), () -> nanos[0], held::add);
    private final Login login = new Login(users, HASHER, sessions, clock, true, 3, events, floor);

    private User user(String email, String username, String hash, boolean verified) {
        User user = new User(username + "-id", email, username, hash, verified, clock.instant(), 0, null);
        users.create(user);
        return user;
    }

    private User ada() {
        return user("ada@example.org", "ada", HASH, true);
    }

    private long recorded(String event) {
        return metrics.stream().filter(line -> line.contains("\"" + event + "\"")).count();
    }

    private void refused(String name, String password) {
        UnauthenticatedException refused = assertThrows(UnauthenticatedException.class, () -> login.login(name, password));
        assertEquals(Login.INVALID, refused.getMessage());
    }

    @Test
    void theRightPasswordByUsernameOrEmailStartsASession() throws Exception {
        User ada = ada();
        assertEquals(ada.id(), accessTokens.verify(login.login("ada", PASSWORD).accessToken()).userId());
        assertEquals(ada.id(), accessTokens.verify(login.login("  ADA@example.org ", PASSWORD).accessToken()).userId());
        assertEquals(0, users.writes(), "nothing to clear, nothing written");
        assertTrue(held.isEmpty(), "success is not held");
    }

    @Test
    void unknownAccountsAndWrongPasswordsAreTheSameRefusalHeldToTheSameMoment() {
        ada();
        refused("nobody", PASSWORD);
        refused("ada", "wrong password");
        assertEquals(2, recorded("login_failed"), "one for the unknown account, one for the wrong password");
        assertEquals(List.of(250_000_000L, 250_000_000L), held, "both held to the floor");
    }

    @ParameterizedTest
    @CsvSource(value = {"'',x", "'   ',x", "ada,''", "NULL,x", "ada,NULL"}, nullValues = "NULL")
    void missingCredentialsAreBadInput(String name, String password) {
        assertThrows(InvalidInputException.class, () -> login.login(name, password));
        assertTrue(held.isEmpty());
    }

    @Test
    void inputLongerThanAnyAccountCouldHaveIsRefusedBeforeAnyLookup() {
        String email = "a".repeat(254 - "@example.org".length()) + "@example.org";
        String longPassword = "p".repeat(4 * PasswordHasher.MAX_PASSWORD_LENGTH);
        user(email, "long", HASHER.hash(longPassword), true);
        login.login(email, longPassword);
        refused("a" + email, longPassword);
        refused(email, longPassword + "p");
        assertEquals(0, recorded("login_failed"), "refused before looking anyone up");
    }

    @Test
    void failuresLockTheAccountForOneTwoFourMinutesFromTheThreshold() {
        ada();
        refused("ada", "wrong 1");
        refused("ada", "wrong 2");
        assertNull(users.get("ada-id").lockedUntil(), "below the threshold");
        refused("ada", "wrong 3");
        assertEquals(clock.instant().plus(Duration.ofMinutes(1)), users.get("ada-id").lockedUntil());
        assertEquals(1, recorded("account_locked"));
        clock.advance(Duration.ofMinutes(1));
        refused("ada", "wrong 4");
        assertEquals(clock.instant().plus(Duration.ofMinutes(2)), users.get("ada-id").lockedUntil());
        clock.advance(Duration.ofMinutes(2));
        refused("ada", "wrong 5");
        assertEquals(clock.instant().plus(Duration.ofMinutes(4)), users.get("ada-id").lockedUntil());
        assertEquals(5, users.get("ada-id").failedLogins());
    }

    @Test
    void theLockNeverExceedsAnHour() {
        users.create(new User("ada-id", "ada@example.org", "ada", HASH, true, clock.instant(), 40, null));
        refused("ada", "wrong");
        assertEquals(clock.instant().plus(Duration.ofHours(1)), users.get("ada-id").lockedUntil());
    }

    @Test
    void attemptsWhileLockedNeitherCountNorExtendTheLockAndTheRightPasswordWorksWhenItEnds() {
        ada();
        for (int i = 0; i < 3; i++) {
            refused("ada", "wrong");
        }
        Instant until = users.get("ada-id").lockedUntil();
        refused("ada", PASSWORD);
        refused("ada", "wrong");
        assertEquals(2, recorded("login_while_locked"));
        assertEquals(3, users.get("ada-id").failedLogins());
        assertEquals(until, users.get("ada-id").lockedUntil());
        clock.advance(Duration.ofMinutes(1));
        login.login("ada", PASSWORD);
        assertEquals(0, users.get("ada-id").failedLogins(), "a success clears the count");
        assertNull(users.get("ada-id").lockedUntil());
    }

    @Test
    void anUnverifiedAccountMayNotLogInWhenVerificationIsRequired() {
        user("bob@example.org", "bob", HASH, false);
        NotPermittedException refused = assertThrows(NotPermittedException.class, () -> login.login("bob", PASSWORD));
        assertTrue(refused.getMessage().startsWith("Verify your email address"));
        Login relaxed = new Login(users, HASHER, sessions, clock, false, 3, events, floor);
        relaxed.login("bob", PASSWORD);
        assertThrows(UnauthenticatedException.class, () -> login.login("bob", "wrong"), "the password is checked first");
    }

    @Test
    void theFloorHoldsOnlyWhatIsLeftOfItAndNothingOnceItHasPassed() {
        List<Long> sleeps = new ArrayList<>();
        long[] now = {1_000};
        ResponseFloor quarter = new ResponseFloor(Duration.ofNanos(250), () -> now[0], sleeps::add);
        long started = quarter.start();
        now[0] += 100;
        quarter.holdUntilFloor(started);
        now[0] += 150;
        quarter.holdUntilFloor(started);
        now[0] += 1;
        quarter.holdUntilFloor(started);
        assertEquals(List.of(150L), sleeps, "150 ns left, then none at exactly the floor, none past it");
    }

    @Test
    void theRealFloorSleepsAndAnInterruptEndsItEarlyAndStaysSet() {
        ResponseFloor real = ResponseFloor.of(Duration.ofMillis(30));
        long started = real.start();
        real.holdUntilFloor(started);
        assertTrue(System.nanoTime() - started >= 30_000_000L);
        Thread.currentThread().interrupt();
        ResponseFloor long60 = ResponseFloor.of(Duration.ofSeconds(60));
        long begun = long60.start();
        long60.holdUntilFloor(begun);
        assertTrue(System.nanoTime() - begun < 30_000_000_000L, "an interrupted hold returns instead of sleeping a minute");
        assertTrue(Thread.interrupted());
        assertFalse(Thread.currentThread().isInterrupted());
    }
}
