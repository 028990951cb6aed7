package dev.orderchainer.security;

/** Where a token-issuing function gets its signing keys; they may change while it runs (a rotation). */
public interface SigningKeySource {
    /** The keys as currently known (may be cached). */
    SigningKeys keys();

    /** Keys that never change (tests, tools). */
    static SigningKeySource fixed(SigningKeys keys) {
        return () -> keys;
    }
}
