package dev.orderchainer.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.common.config.ConfigurationException;
import org.junit.jupiter.api.Test;

class SigningKeyTest {
    @Test
    void acceptsRandomKeysOf256BitsOrMore() {
        assertEquals(44, SigningKey.fromSetting("q5ZkD0mC9wV2nE8xR1tY7uI3oP6aS4dF2gH0jK9lM1c=").length);
    }

    @Test
    void refusesShortPlaceholderAndLowEntropyKeys() {
        assertTrue(assertThrows(ConfigurationException.class, () -> SigningKey.fromSetting("short")).getMessage().contains("at least 32"));
        assertTrue(assertThrows(ConfigurationException.class, () -> SigningKey.fromSetting(null)).getMessage().contains("not set"));
        assertTrue(assertThrows(ConfigurationException.class,
                () -> SigningKey.fromSetting("changeme-changeme-changeme-changeme-1234")).getMessage().contains("placeholder"));
        assertTrue(assertThrows(ConfigurationException.class,
                () -> SigningKey.fromSetting("abababababababababababababababababababab")).getMessage().contains("distinct"));
    }
}
