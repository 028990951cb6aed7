package dev.orderchainer.orders.domain;

import java.time.Instant;
import java.util.List;

/** An order as stored: its own fields, its dependencies and the orders that depend on it. */
public record Order(
        String id,
        String userId,
        String title,
        String description,
        OrderStatus status,
        List<String> dependencies,
        List<String> dependents,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public Order {
        dependencies = List.copyOf(dependencies);
        dependents = List.copyOf(dependents);
    }
}
