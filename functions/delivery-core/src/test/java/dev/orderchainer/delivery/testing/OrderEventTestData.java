package dev.orderchainer.delivery.testing;

import dev.orderchainer.orders.domain.OrderStatus;
import dev.orderchainer.orders.events.OrderEvent;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Order events for delivery tests: {@code anEvent().type(STATUS_CHANGED).from(ACTIVE).to(COMPLETED).build()}. */
public final class OrderEventTestData {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private final int number = SEQUENCE.incrementAndGet();
    private String userId = "user-1";
    private OrderEvent.Type type = OrderEvent.Type.CREATED;
    private OrderStatus from;
    private OrderStatus to = OrderStatus.PENDING;
    private String title = "Order " + number;
    private String description = "";
    private List<String> changed = List.of();
    private String occurredAt = "2026-11-24T06:15:02Z";
    private String cause;
    private OrderEvent.Person assignee;

    private OrderEventTestData() {}

    public static OrderEventTestData anEvent() {
        return new OrderEventTestData();
    }

    public OrderEventTestData user(String newUserId) {
        this.userId = newUserId;
        return this;
    }

    public OrderEventTestData type(OrderEvent.Type newType) {
        this.type = newType;
        return this;
    }

    public OrderEventTestData from(OrderStatus status) {
        this.from = status;
        return this;
    }

    public OrderEventTestData to(OrderStatus status) {
        this.to = status;
        return this;
    }

    public OrderEventTestData title(String newTitle) {
        this.title = newTitle;
        return this;
    }

    public OrderEventTestData description(String newDescription) {
        this.description = newDescription;
        return this;
    }

    public OrderEventTestData changed(String... fields) {
        this.changed = List.of(fields);
        return this;
    }

    public OrderEventTestData at(String instant) {
        this.occurredAt = instant;
        return this;
    }

    public OrderEventTestData cause(String orderId) {
        this.cause = orderId;
        return this;
    }

    /** Assigned to that member (named after its id). */
    public OrderEventTestData assignee(String userId) {
        this.assignee = new OrderEvent.Person(userId, "name-of-" + userId);
        return this;
    }

    public OrderEvent build() {
        return new OrderEvent("event-" + number, type, userId, "01JDQ8X3V7M2K9P4R6T8" + String.format("%06d", number), title,
                description, from, to, changed, List.of(), occurredAt, cause, null, assignee);
    }
}
