package dev.orderchainer.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderchainer.common.config.ConfigurationException;
import dev.orderchainer.common.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The HS256 keys access tokens are signed and checked with: the current one signs, the previous
 * one (during a rotation) still verifies what it signed. Stored as one secret so a rotation is one
 * atomic write: {"current_kid":"2","current_secret":"...","previous_kid":"1","previous_secret":"..."}
 * (flat, so CloudFormation can generate the first one). Every secret is at least 256 bits and never a
 * placeholder or a low-entropy value.
 */
public final class SigningKeys {
    static final int MIN_BYTES = 32;
    private static final Pattern KID = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");
    private static final Set<String> KNOWN_WEAK = Set.of("secret", "changeme", "change-me", "password", "default",
            "your-secret-key", "your-256-bit-secret", "supersecret", "secret-key", "dev-secret", "test", "example");

    /** One key: its id (the token header's kid) and its secret bytes. */
    public record Key(String kid, byte[] secret) {}

    private final Key current;
    private final Key previous;

    private SigningKeys(Key current, Key previous) {
        this.current = current;
        this.previous = previous;
    }

    public static SigningKeys of(Key current) {
        return new SigningKeys(current, null);
    }

    /** @param source where the value came from (the secret's name), for the error message */
    public static SigningKeys parse(String json, String source) {
        JsonNode root;
        try {
            root = json == null ? null : Json.mapper().readTree(json);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject() || !root.has("current_kid")) {
            throw new ConfigurationException(source + " must be JSON {\"current_kid\":...,\"current_secret\":...} with "
                    + "\"previous_kid\" and \"previous_secret\" during a rotation");
        }
        Key current = key(root, "current", source);
        Key previous = root.has("previous_kid") ? key(root, "previous", source) : null;
        if (previous != null && previous.kid().equals(current.kid())) {
            throw new ConfigurationException(source + ": current and previous keys need different kids");
        }
        return new SigningKeys(current, previous);
    }

    public Key current() {
        return current;
    }

    public Optional<Key> find(String kid) {
        if (current.kid().equals(kid)) {
            return Optional.of(current);
        }
        return previous != null && previous.kid().equals(kid) ? Optional.of(previous) : Optional.empty();
    }

    private static Key key(JsonNode root, String which, String source) {
        String kid = root.path(which + "_kid").asText("");
        if (!KID.matcher(kid).matches()) {
            throw new ConfigurationException(source + ": " + which + "_kid must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        return new Key(kid, secret(root.path(which + "_secret").asText(null), source + " " + which + " key " + kid));
    }

    /** The rules every secret meets; the message names where it came from, never the secret. */
    static byte[] secret(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException(what + " has no secret");
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_BYTES) {
            throw new ConfigurationException(what + " must be at least " + MIN_BYTES + " bytes (256 bits), got " + bytes.length);
        }
        String lower = value.toLowerCase(Locale.ROOT);
        for (String weak : KNOWN_WEAK) {
            if (lower.startsWith(weak) || lower.endsWith(weak)) {
                throw new ConfigurationException(what + " looks like a placeholder ('" + weak + "'); use random bytes");
            }
        }
        if (value.chars().distinct().count() < 10) {
            throw new ConfigurationException(what + " has too few distinct characters to be random");
        }
        return bytes;
    }
}
