package dev.orderchainer.auth.domain;

import dev.orderchainer.common.domain.InvalidInputException;
import dev.orderchainer.common.domain.NotPermittedException;
import dev.orderchainer.common.domain.UnauthenticatedException;
import dev.orderchainer.security.SecurityEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The password grant. Unknown user, wrong password and locked account all answer the same 401,
 * after the same Argon2 work and at the same moment (the {@link ResponseFloor}). Failures count per
 * account and lock it for 1, 2, 4, ... minutes (at most an hour) from the threshold on; attempts while
 * it is locked are refused without counting, so nobody can keep someone else's account locked, and the
 * right password works as soon as the lock ends.
 */
public final class Login {
    static final String INVALID = "Invalid username or password";
    private static final Duration MAX_LOCK = Duration.ofHours(1);
    private final UserStore users;
    private final PasswordHasher hasher;
    private final Sessions sessions;
    private final Clock clock;
    private final boolean requireVerifiedEmail;
    private final int lockoutThreshold;
    private final SecurityEvents events;
    private final ResponseFloor failureFloor;

    public Login(UserStore users, PasswordHasher hasher, Sessions sessions, Clock clock, boolean requireVerifiedEmail,
                 int lockoutThreshold, SecurityEvents events, ResponseFloor failureFloor) {
        this.failureFloor = failureFloor;
        this.users = users;
        this.hasher = hasher;
        this.sessions = sessions;
        this.clock = clock;
        this.requireVerifiedEmail = requireVerifiedEmail;
        this.lockoutThreshold = lockoutThreshold;
        this.events = events;
    }

    /** The shape of a password grant, checked before anything else happens. */
    public static void requireCredentials(String usernameOrEmail, String password) {
        if (usernameOrEmail == null || usernameOrEmail.isBlank() || password == null || password.isEmpty()) {
            throw new InvalidInputException("Fields 'username' (or email) and 'password' are required");
        }
    }

    public TokenPair login(String usernameOrEmail, String password) {
        requireCredentials(usernameOrEmail, password);
        long started = failureFloor.start();
        if (usernameOrEmail.length() > 254 || password.length() > 4 * PasswordHasher.MAX_PASSWORD_LENGTH) {
            throw refused(started);
        }
        String login = usernameOrEmail.trim();
        Optional<User> found = login.contains("@") ? users.findByEmail(login) : users.findByUsername(login);
        if (found.isEmpty()) {
            hasher.burn(password);
            events.record("login_failed", login, "unknown account");
            throw refused(started);
        }
        User user = found.get();
        Instant now = clock.instant();
        boolean matches = hasher.matches(password, user.passwordHash());
        if (user.lockedAt(now)) {
            events.record("login_while_locked", user.id(), "refused without counting");
            throw refused(started);
        }
        if (!matches) {
            fail(user);
            throw refused(started);
        }
        if (requireVerifiedEmail && !user.emailVerified()) {
            throw new NotPermittedException("Verify your email address before logging in; "
                    + "POST /api/auth/resend-verification sends a new link");
        }
        if (user.failedLogins() > 0) {
            users.clearFailedLogins(user.id());
        }
        return sessions.start(user.id());
    }

    private UnauthenticatedException refused(long started) {
        failureFloor.holdUntilFloor(started);
        return new UnauthenticatedException(INVALID);
    }

    private void fail(User user) {
        int failures = users.recordFailedLogin(user.id());
        events.record("login_failed", user.id(), failures + " consecutive failures");
        if (failures >= lockoutThreshold) {
            // 1, 2, 4, ... minutes, at most an hour.
            long minutes = Math.min(MAX_LOCK.toMinutes(), 1L << Math.min(20, failures - lockoutThreshold));
            users.lockUntil(user.id(), clock.instant().plus(Duration.ofMinutes(minutes)));
            events.record("account_locked", user.id(), "locked for " + minutes + " min");
        }
    }
}
