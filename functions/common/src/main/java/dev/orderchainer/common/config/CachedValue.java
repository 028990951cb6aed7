package dev.orderchainer.common.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read on first use (never at start) and again after {@code maxAge}; a failed re-read keeps the value it
 * had, since a brief outage must not break what worked. A failure with nothing read yet is the caller's.
 */
public final class CachedValue<T> implements Supplier<T> {
    private static final Logger LOG = LoggerFactory.getLogger(CachedValue.class);
    private final String name;
    private final Supplier<T> source;
    private final Duration maxAge;
    private final Clock clock;
    private T value;
    private Instant readAt;

    public CachedValue(String name, Supplier<T> source, Duration maxAge, Clock clock) {
        this.name = name;
        this.source = Objects.requireNonNull(source);
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public synchronized T get() {
        Instant now = clock.instant();
        if (value != null && now.isBefore(readAt.plus(maxAge))) {
            return value;
        }
        try {
            value = Objects.requireNonNull(source.get(), name);
        } catch (RuntimeException failed) {
            if (value == null) {
                throw failed;
            }
            LOG.warn("{} could not be read again; keeping the value it had: {}", name, failed.toString());
        }
        readAt = now;
        return value;
    }
}
