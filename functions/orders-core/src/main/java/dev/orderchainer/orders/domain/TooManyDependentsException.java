package dev.orderchainer.orders.domain;

import dev.orderchainer.common.domain.LimitExceededException;
import java.util.List;
import java.util.Map;

/** Dependencies that already have {@link Order#MAX_DEPENDENTS} dependents cannot take another. */
public final class TooManyDependentsException extends LimitExceededException {
    public TooManyDependentsException(List<String> full) {
        super("Orders " + String.join(", ", full) + " already have " + Order.MAX_DEPENDENTS
                + " dependents, the most one order can have; depend on an order that depends on them instead",
                Map.of("full", List.copyOf(full), "max_dependents", Order.MAX_DEPENDENTS));
    }
}
