package dev.orderchainer.orders.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** An order's status and the transitions allowed from it. */
public enum OrderStatus {
    PENDING, ACTIVE, COMPLETED, FAILED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return wire();
    }

    public Set<OrderStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(ACTIVE, FAILED);
            case ACTIVE -> EnumSet.of(COMPLETED, FAILED, PENDING);
            case FAILED -> EnumSet.of(PENDING);
            case COMPLETED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    /** Active and completed orders need every dependency completed. */
    public boolean needsCompletedDependencies() {
        return this == ACTIVE || this == COMPLETED;
    }

    /** Dependencies may change only while an order is pending or failed. */
    public boolean allowsDependencyChanges() {
        return this == PENDING || this == FAILED;
    }

    public static Optional<OrderStatus> parse(String value) {
        for (OrderStatus status : values()) {
            if (status.wire().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
