package dev.orderchainer.orders.domain;

import java.util.List;

/** The API's order: its fields plus dependents and the dependencies not yet completed (blocked_by). */
public record OrderView(
        String id,
        String title,
        String description,
        OrderStatus status,
        List<String> dependencies,
        List<String> dependents,
        List<String> blockedBy,
        String createdAt,
        String updatedAt,
        long version) {

    static OrderView of(Order order, List<String> blockedBy) {
        return new OrderView(order.id(), order.title(), order.description(), order.status(), order.dependencies(),
                order.dependents(), blockedBy, order.createdAt().toString(), order.updatedAt().toString(), order.version());
    }
}
