package dev.orderchainer.orders.domain;

import java.util.List;

/**
 * The API's order: its fields plus dependents, the dependencies not yet completed (blocked_by) and
 * the failed ones (blocked_by_failure).
 */
public record OrderView(
        String id,
        String title,
        String description,
        OrderStatus status,
        List<String> dependencies,
        List<String> dependents,
        List<String> blockedBy,
        List<String> blockedByFailure,
        boolean autoActivate,
        String createdAt,
        String updatedAt,
        long version,
        String assignee,
        String createdBy,
        String updatedBy) {

    static OrderView of(Order order, List<String> blockedBy) {
        return new OrderView(order.id(), order.title(), order.description(), order.status(), order.dependencies(),
                order.dependents(), blockedBy, order.blockedByFailure(), order.autoActivate(), order.createdAt().toString(),
                order.updatedAt().toString(), order.version(), order.assignee(), order.createdBy(), order.updatedBy());
    }
}
