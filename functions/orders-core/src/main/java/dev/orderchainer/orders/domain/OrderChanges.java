package dev.orderchainer.orders.domain;

import java.util.List;
import java.util.Optional;

/**
 * A change to an order as asked for, its fields checked; null fields stay as they are, {@code version} null: any;
 * {@code assignee} empty: unassign.
 */
public record OrderChanges(String title, String description, OrderStatus status, List<String> dependencies, Boolean autoActivate,
                           Long version, Optional<String> assignee) {

    public OrderChanges(String title, String description, OrderStatus status, List<String> dependencies, Boolean autoActivate,
                        Long version) {
        this(title, description, status, dependencies, autoActivate, version, null);
    }

    public static OrderChanges of(String orderId, OrderRequests.Update request) {
        return new OrderChanges(request.title() == null ? null : OrderInput.title(request.title()),
                request.description() == null ? null : OrderInput.description(request.description()), request.status(),
                request.dependencies() == null ? null : OrderInput.dependencies(request.dependencies(), orderId),
                request.autoActivate(), request.version(), request.assignee() == null ? null : OrderInput.assignee(request.assignee()));
    }

    /** Only a status move, made against {@code version} (the workflow's auto-start). */
    public static OrderChanges move(OrderStatus status, long version) {
        return new OrderChanges(null, null, status, null, null, version);
    }
}
