package dev.orderchainer.orders.domain;

import dev.orderchainer.common.domain.ConflictException;
import java.util.List;
import java.util.Map;

/** An order asked to be active or completed while some of its dependencies are not completed. */
public final class DependenciesNotCompletedException extends ConflictException {
    public DependenciesNotCompletedException(OrderStatus status, List<String> blockedBy) {
        super("An order can be " + status + " only when all its dependencies are completed; not completed: "
                + String.join(", ", blockedBy), Map.of("blocked_by", List.copyOf(blockedBy)));
    }
}
