package dev.orderchainer.common.config;

import java.util.Map;
import java.util.Optional;

/**
 * A function's configuration: the environment Lambda gives it, or the one the local cloud reads from
 * template.yaml. Handlers take an Env instead of reading System.getenv so several functions with
 * different environments can share one JVM locally.
 */
public final class Env {
    private final Map<String, String> values;

    public Env(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public Optional<String> optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String string(String name, String defaultValue) {
        return optional(name).orElse(defaultValue);
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new ConfigurationException(name + " is not set"));
    }

    public int integer(String name, int defaultValue, int min, int max) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw new ConfigurationException(name + " must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigurationException(name + " must be a whole number, got '" + raw.get() + "'");
        }
    }

    public Map<String, String> asMap() {
        return values;
    }
}
