package dev.orderchainer.auth.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesWithArgon2idAtOwaspParametersAndARandomSalt() {
        String first = hasher.hash("correct horse battery staple");
        String second = hasher.hash("correct horse battery staple");
        assertTrue(first.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), first);
        assertNotEquals(first, second, "each hash has its own salt");
        assertTrue(hasher.matches("correct horse battery staple", first));
        assertTrue(hasher.matches("correct horse battery staple", second));
        assertFalse(hasher.matches("correct horse battery stapler", first));
    }

    @Test
    void malformedStoredHashesNeverMatch() {
        assertFalse(hasher.matches("anything", "not-a-hash"));
        assertFalse(hasher.matches("anything", ""));
    }
}
