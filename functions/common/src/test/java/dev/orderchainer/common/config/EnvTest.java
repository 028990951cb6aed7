package dev.orderchainer.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvTest {
    private final Env env = new Env(Map.of("A", " value ", "BLANK", "  ", "N", "42", "BAD", "4x"));

    @Test
    void readsTrimmedValuesAndTreatsBlankAsMissing() {
        assertEquals("value", env.required("A"));
        assertEquals("fallback", env.string("BLANK", "fallback"));
        assertEquals("BLANK is not set", assertThrows(ConfigurationException.class, () -> env.required("BLANK")).getMessage());
    }

    @Test
    void integersAreCheckedForFormAndRange() {
        assertEquals(42, env.integer("N", 1, 1, 100));
        assertEquals(7, env.integer("MISSING", 7, 1, 100));
        assertEquals("BAD must be a whole number, got '4x'",
                assertThrows(ConfigurationException.class, () -> env.integer("BAD", 1, 1, 100)).getMessage());
        assertEquals("N must be between 1 and 10, got 42",
                assertThrows(ConfigurationException.class, () -> env.integer("N", 1, 1, 10)).getMessage());
    }
}
