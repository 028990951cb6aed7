package dev.orderchainer.auth.testing;

import dev.orderchainer.auth.domain.User;
import dev.orderchainer.auth.domain.UserStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Accounts in a map, unique by email and username ignoring case, as the DynamoDB store keeps them. */
public final class InMemoryUserStore implements UserStore {
    private final Map<String, User> byId = new LinkedHashMap<>();
    private int writes;

    /** Writes to existing accounts (failure counts, locks, clearing). */
    public int writes() {
        return writes;
    }

    @Override
    public void create(User user) {
        if (findByEmail(user.email()).isPresent()) {
            throw new DuplicateAccountException("email");
        }
        if (findByUsername(user.username()).isPresent()) {
            throw new DuplicateAccountException("username");
        }
        byId.put(user.id(), user);
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return byId.values().stream().filter(u -> u.email().toLowerCase(Locale.ROOT).equals(email.toLowerCase(Locale.ROOT))).findFirst();
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return byId.values().stream().filter(u -> u.username().toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT))).findFirst();
    }

    @Override
    public Optional<User> findById(String userId) {
        return Optional.ofNullable(byId.get(userId));
    }

    @Override
    public int recordFailedLogin(String userId) {
        User u = byId.get(userId);
        return write(userId, u.failedLogins() + 1, u.lockedUntil()).failedLogins();
    }

    @Override
    public void lockUntil(String userId, Instant until) {
        write(userId, byId.get(userId).failedLogins(), until);
    }

    @Override
    public void clearFailedLogins(String userId) {
        write(userId, 0, null);
    }

    /** The account with its failure count and lock replaced: the only fields logins write. */
    private User write(String userId, int failedLogins, Instant lockedUntil) {
        writes++;
        User u = byId.get(userId);
        User changed = new User(u.id(), u.email(), u.username(), u.passwordHash(), u.emailVerified(), u.createdAt(), failedLogins, lockedUntil);
        byId.put(userId, changed);
        return changed;
    }

    public User get(String userId) {
        return byId.get(userId);
    }
}
