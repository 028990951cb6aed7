package dev.orderchainer.common.config;

/** A missing or invalid setting: the function refuses to start rather than run misconfigured. */
public final class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message);
    }
}
