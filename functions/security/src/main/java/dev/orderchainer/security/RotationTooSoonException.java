package dev.orderchainer.security;

import java.time.Instant;

/** A key rotation asked for while tokens the previous key signed may still be valid. */
public final class RotationTooSoonException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    RotationTooSoonException(Instant lastRotation, Instant earliest) {
        super("the signing keys were rotated at " + lastRotation + "; tokens signed with the key a new rotation would drop may be"
                + " valid until " + earliest + ": rotate again at or after then");
    }
}
