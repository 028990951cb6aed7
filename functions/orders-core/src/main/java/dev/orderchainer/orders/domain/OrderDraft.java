package dev.orderchainer.orders.domain;

import java.util.List;

/** A new order as asked for, its fields checked; pending unless a status is given. */
public record OrderDraft(String title, String description, OrderStatus status, List<String> dependencies, boolean autoActivate,
                         String assignee) {
    public OrderDraft {
        dependencies = List.copyOf(dependencies);
    }

    public static OrderDraft of(OrderRequests.Create request) {
        return new OrderDraft(OrderInput.title(request.title()), OrderInput.description(request.description()),
                request.status() == null ? OrderStatus.PENDING : request.status(), OrderInput.dependencies(request.dependencies(), null),
                Boolean.TRUE.equals(request.autoActivate()), OrderInput.assignee(request.assignee()).orElse(null));
    }
}
