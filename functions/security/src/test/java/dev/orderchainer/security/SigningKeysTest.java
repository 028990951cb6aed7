package dev.orderchainer.security;

import static dev.orderchainer.local.JsonText.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.common.config.ConfigurationException;
import org.junit.jupiter.api.Test;

class SigningKeysTest {
    private static final String SECRET = "q5ZkD0mC9wV2nE8xR1tY7uI3oP6aS4dF2gH0jK9lM1c";

    @Test
    void readsTheCurrentAndThePreviousKey() {
        SigningKeys keys = SigningKeys.parse(json("current_kid", "2", "current_secret", SECRET, "previous_kid", "1",
                "previous_secret", SECRET.toUpperCase()), "s");
        assertEquals("2", keys.current().kid());
        assertEquals(43, keys.current().secret().length);
        assertTrue(keys.find("1").isPresent());
        assertTrue(keys.find("0").isEmpty());
        assertTrue(SigningKeys.parse(json("current_kid", "a", "current_secret", SECRET), "s").find("a").isPresent());
    }

    @Test
    void refusesShortPlaceholderAndLowEntropySecretsNamingTheSecretsNameNeverTheSecret() {
        String[][] cases = {
            {"short", "at least 32"},
            {"changeme-changeme-changeme-changeme-1234", "placeholder"},
            {"abababababababababababababababababababab", "distinct"},
            {"", "no secret"},
        };
        for (String[] c : cases) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> SigningKeys.parse(json("current_kid", "k", "current_secret", c[0]), "oc/keys"));
            assertTrue(e.getMessage().contains(c[1]) && e.getMessage().contains("oc/keys"), e.getMessage());
            assertTrue(c[0].isEmpty() || !e.getMessage().contains(c[0]), "the secret is not in the message");
        }
    }

    @Test
    void refusesMalformedKeySets() {
        for (String json : new String[] {null, "", "not json", "[]", "{}", json("current_secret", SECRET),
            json("current_kid", "a b", "current_secret", SECRET),
            json("current_kid", "a", "current_secret", SECRET, "previous_kid", "a", "previous_secret", SECRET),
            json("current_kid", "a", "current_secret", SECRET, "previous_kid", "b")}) {
            assertThrows(ConfigurationException.class, () -> SigningKeys.parse(json, "s"), String.valueOf(json));
        }
    }
}
