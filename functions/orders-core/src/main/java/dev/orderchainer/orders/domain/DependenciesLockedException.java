package dev.orderchainer.orders.domain;

import dev.orderchainer.common.domain.ConflictException;
import java.util.Map;

/** Dependencies were to change while the order is active or completed. */
public final class DependenciesLockedException extends ConflictException {
    public DependenciesLockedException(OrderStatus status) {
        super("Dependencies can change only while the order is pending or failed; it is " + status, Map.of());
    }
}
