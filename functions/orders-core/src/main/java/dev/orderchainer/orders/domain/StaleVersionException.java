package dev.orderchainer.orders.domain;

import dev.orderchainer.common.domain.ConflictException;
import java.util.Map;

/** The change was made against a version of the order that is no longer current. */
public final class StaleVersionException extends ConflictException {
    public StaleVersionException(long current, long given) {
        super("The order is at version " + current + ", not " + given + "; reload it and apply your change again",
                Map.of("current_version", current));
    }
}
