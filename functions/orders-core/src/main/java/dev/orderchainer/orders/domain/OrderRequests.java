package dev.orderchainer.orders.domain;

import java.util.List;

/** What clients may send. Anything else (id, user, version history, timestamps) is an unknown field. */
public final class OrderRequests {
    private OrderRequests() {}

    public record Create(String title, String description, OrderStatus status, List<String> dependencies, Boolean autoActivate) {}

    /** Absent (or null) fields stay as they are; {@code version}, when given, must be the current one. */
    public record Update(String title, String description, OrderStatus status, List<String> dependencies, Boolean autoActivate,
                         Long version) {}
}
