package dev.orderchainer.orders.domain;

import dev.orderchainer.common.domain.ConflictException;
import java.util.List;
import java.util.Map;

/** An order other orders depend on cannot be deleted. */
public final class OrderHasDependentsException extends ConflictException {
    public OrderHasDependentsException(List<String> dependents) {
        super("Orders depend on this one: " + String.join(", ", dependents) + "; remove those dependencies first",
                Map.of("dependents", List.copyOf(dependents)));
    }
}
