package dev.orderchainer.orders.domain;

import java.util.List;

/** What clients may send. Anything else (id, user, version history, timestamps) is an unknown field. */
public final class OrderRequests {
    private OrderRequests() {}

    /** {@code assignee}: a member's user id, or absent. */
    public record Create(String title, String description, OrderStatus status, List<String> dependencies, Boolean autoActivate,
                         String assignee) {
        public Create(String title, String description, OrderStatus status, List<String> dependencies, Boolean autoActivate) {
            this(title, description, status, dependencies, autoActivate, null);
        }
    }

    /** Absent (or null) fields stay as they are; {@code version}, when given, must be the current one. */
    /** {@code assignee}: a member's user id, or empty (JSON null or "") to unassign. */
    public record Update(String title, String description, OrderStatus status, List<String> dependencies, Boolean autoActivate,
                         Long version, String assignee) {
        public Update(String title, String description, OrderStatus status, List<String> dependencies, Boolean autoActivate,
                      Long version) {
            this(title, description, status, dependencies, autoActivate, version, null);
        }
    }
}
