package dev.orderchainer.auth.domain;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id with OWASP's parameters (19 MiB, 2 iterations, parallelism 1), a random 16-byte salt
 * per hash and a constant-time comparison. {@link #burn} spends the same time when there is no
 * account, so a missing user cannot be told from a wrong password by timing.
 */
public final class PasswordHasher {
    /** The longest password accepted at registration; login refuses far longer input before hashing it. */
    public static final int MAX_PASSWORD_LENGTH = 128;
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, 32, Argon2.ID, 19);
    private final String dummyHash = hash("dummy password for timing equalisation");

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    public boolean matches(String password, String storedHash) {
        try {
            return Password.check(password, storedHash).with(Argon2Function.getInstanceFromHash(storedHash));
        } catch (RuntimeException malformedHash) {
            return false;
        }
    }

    public void burn(String password) {
        matches(password, dummyHash);
    }
}
