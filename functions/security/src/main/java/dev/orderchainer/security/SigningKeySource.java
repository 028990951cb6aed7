package dev.orderchainer.security;

/** Where a function gets its signing keys; they may change while it runs (a rotation). */
public interface SigningKeySource {
    /** The keys as currently known (may be cached). */
    SigningKeys keys();

    /**
     * The keys again after meeting a token whose kid they lack: a rotation may have happened since
     * they were read. Implementations fetch at most now and then, so forged kids cannot flood the store.
     */
    SigningKeys refreshedFor(String kid);

    /** Keys that never change (tests, tools). */
    static SigningKeySource fixed(SigningKeys keys) {
        return new SigningKeySource() {
            @Override
            public SigningKeys keys() {
                return keys;
            }

            @Override
            public SigningKeys refreshedFor(String kid) {
                return keys;
            }
        };
    }
}
