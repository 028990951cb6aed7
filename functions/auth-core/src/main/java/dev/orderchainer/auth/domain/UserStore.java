package dev.orderchainer.auth.domain;

import java.time.Instant;
import java.util.Optional;

/** Where accounts live; email and username are unique case-insensitively, enforced atomically. */
public interface UserStore {
    /** @throws DuplicateAccountException naming "email" or "username" when either is taken */
    void create(User user);

    Optional<User> findByEmail(String email);

    Optional<User> findByUsername(String username);

    Optional<User> findById(String userId);

    /** Counts a failed login atomically; returns the new count. */
    int recordFailedLogin(String userId);

    void lockUntil(String userId, Instant until);

    void clearFailedLogins(String userId);

    /** Thrown when the email or username already belongs to an account. */
    final class DuplicateAccountException extends RuntimeException {
        private final String field;

        public DuplicateAccountException(String field) {
            super(field + " already registered", null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
