package dev.orderchainer.common.function;

import dev.orderchainer.common.config.Env;

/**
 * The one wiring place of a function module (OrderComponents, AuthComponents, NotifierComponents…): it builds the
 * services and adapters its handlers need from the environment, and primes them before a SnapStart snapshot.
 * Every handler base ({@code ApiHandler}, {@link StreamHandler}, {@link QueueHandler}) takes one.
 */
public interface FunctionComponents {
    Env env();

    /**
     * Read-only work that exercises the dependencies the handlers use (SDK calls, token checks, JSON) before a
     * SnapStart snapshot, so the first request after a restore does not load them; must not change any data.
     */
    void prime();
}
