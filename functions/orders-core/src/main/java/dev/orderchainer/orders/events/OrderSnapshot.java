package dev.orderchainer.orders.events;

import dev.orderchainer.orders.domain.OrderStatus;
import java.util.List;

/**
 * The fields of an order image on the table stream that events and the workflow are about; deletedAt and deletedBy only on a
 * deleted order's last image; the people are user ids (updatedBy is the workspace's own id for the service's changes).
 */
public record OrderSnapshot(String id, String userId, String title, String description, OrderStatus status, List<String> dependencies,
                            List<String> dependents, long version, String updatedAt,
                            String deletedAt, String createdBy, String updatedBy, String deletedBy, String assignee) {
    public OrderSnapshot {
        dependencies = List.copyOf(dependencies);
        dependents = List.copyOf(dependents);
    }
}
