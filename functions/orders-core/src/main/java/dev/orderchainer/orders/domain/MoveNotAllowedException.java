package dev.orderchainer.orders.domain;

import dev.orderchainer.common.domain.ConflictException;
import java.util.List;
import java.util.Map;

/** A status change the lifecycle does not have; names the moves that exist from where the order is. */
public final class MoveNotAllowedException extends ConflictException {
    public MoveNotAllowedException(OrderStatus from, OrderStatus to) {
        this(from, to, from.next().stream().map(OrderStatus::wire).sorted().toList());
    }

    private MoveNotAllowedException(OrderStatus from, OrderStatus to, List<String> allowed) {
        super("An order cannot go from " + from + " to " + to
                + (allowed.isEmpty() ? "; " + from + " is final" : "; allowed: " + String.join(", ", allowed)),
                Map.of("allowed_statuses", allowed));
    }
}
