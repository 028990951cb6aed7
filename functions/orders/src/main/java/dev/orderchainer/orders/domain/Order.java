package dev.orderchainer.orders.domain;

import java.time.Instant;
import java.util.List;

/**
 * An order as stored: its own fields, its dependencies, the orders that depend on it, whether it
 * starts by itself once ready, and which of its dependencies failed (kept by the workflow).
 */
public record Order(
        String id,
        String userId,
        String title,
        String description,
        OrderStatus status,
        List<String> dependencies,
        List<String> dependents,
        boolean autoActivate,
        List<String> blockedByFailure,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public Order {
        dependencies = List.copyOf(dependencies);
        dependents = List.copyOf(dependents);
        blockedByFailure = List.copyOf(blockedByFailure);
    }
}
