package dev.orderchainer.security;

import dev.orderchainer.common.config.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/** The HS256 key from SECRET_KEY: at least 256 bits, and never a placeholder or low-entropy value. */
public final class SigningKey {
    static final int MIN_BYTES = 32;
    private static final Set<String> KNOWN_WEAK = Set.of("secret", "changeme", "change-me", "password", "default",
            "your-secret-key", "your-256-bit-secret", "supersecret", "secret-key", "dev-secret", "test", "example");

    private SigningKey() {}

    public static byte[] fromSetting(String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException("SECRET_KEY is not set");
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_BYTES) {
            throw new ConfigurationException("SECRET_KEY must be at least " + MIN_BYTES + " bytes (256 bits), got " + bytes.length);
        }
        String lower = value.toLowerCase(Locale.ROOT);
        for (String weak : KNOWN_WEAK) {
            if (lower.startsWith(weak) || lower.endsWith(weak)) {
                throw new ConfigurationException("SECRET_KEY looks like a placeholder ('" + weak + "'); use random bytes");
            }
        }
        if (value.chars().distinct().count() < 10) {
            throw new ConfigurationException("SECRET_KEY has too few distinct characters to be random");
        }
        return bytes;
    }
}
