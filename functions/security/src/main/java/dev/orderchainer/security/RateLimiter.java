package dev.orderchainer.security;

import java.time.Duration;

/** Counts attempts per key in fixed windows; throws a 429 problem (with Retry-After) past the limit. */
public interface RateLimiter {
    void acquire(String scope, String key, int limit, Duration window);
}
