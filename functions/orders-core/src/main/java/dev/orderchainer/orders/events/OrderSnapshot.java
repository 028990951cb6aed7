package dev.orderchainer.orders.events;

import dev.orderchainer.orders.domain.OrderStatus;
import java.util.List;

/** The fields of an order image on the table stream that events and the workflow are about; deletedAt only on a deleted order's last image. */
public record OrderSnapshot(String id, String userId, String title, String description, OrderStatus status, List<String> dependencies,
                            List<String> dependents, long version, String updatedAt,
                            String deletedAt) {
    public OrderSnapshot {
        dependencies = List.copyOf(dependencies);
        dependents = List.copyOf(dependents);
    }
}
