package dev.orderchainer.auth.domain;

import dev.orderchainer.common.http.ApiProblem;
import dev.orderchainer.security.SecurityEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The password grant. Unknown user, wrong password and locked account all answer the same 401
 * after the same Argon2 work; failures count per account and lock it with growing backoff.
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

    public Login(UserStore users, PasswordHasher hasher, Sessions sessions, Clock clock, boolean requireVerifiedEmail,
                 int lockoutThreshold, SecurityEvents events) {
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
            throw ApiProblem.badRequest("Fields 'username' (or email) and 'password' are required");
        }
    }

    public TokenPair login(String usernameOrEmail, String password) {
        requireCredentials(usernameOrEmail, password);
        if (usernameOrEmail.length() > 254 || password.length() > 4 * PasswordHasher.MAX_PASSWORD_LENGTH) {
            throw new ApiProblem(401, INVALID);
        }
        String login = usernameOrEmail.trim();
        Optional<User> found = login.contains("@") ? users.findByEmail(login) : users.findByUsername(login);
        if (found.isEmpty()) {
            hasher.burn(password);
            events.record("login_failed", login, "unknown account");
            throw new ApiProblem(401, INVALID);
        }
        User user = found.get();
        Instant now = clock.instant();
        boolean locked = user.lockedAt(now);
        boolean matches = hasher.matches(password, user.passwordHash());
        if (locked || !matches) {
            fail(user, locked);
            throw new ApiProblem(401, INVALID);
        }
        if (requireVerifiedEmail && !user.emailVerified()) {
            throw new ApiProblem(403, "Verify your email address before logging in; "
                    + "POST /api/auth/resend-verification sends a new link");
        }
        if (user.failedLogins() > 0) {
            users.clearFailedLogins(user.id());
        }
        return sessions.start(user.id());
    }

    private void fail(User user, boolean alreadyLocked) {
        int failures = users.recordFailedLogin(user.id());
        events.record(alreadyLocked ? "login_while_locked" : "login_failed", user.id(), failures + " consecutive failures");
        if (failures >= lockoutThreshold) {
            // 1, 2, 4, ... minutes, at most an hour.
            long minutes = Math.min(MAX_LOCK.toMinutes(), 1L << Math.min(20, failures - lockoutThreshold));
            users.lockUntil(user.id(), clock.instant().plus(Duration.ofMinutes(minutes)));
            events.record("account_locked", user.id(), "locked for " + minutes + " min");
        }
    }
}
