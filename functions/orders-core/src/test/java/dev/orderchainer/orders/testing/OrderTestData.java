package dev.orderchainer.orders.testing;

import dev.orderchainer.orders.domain.Order;
import dev.orderchainer.orders.domain.OrderIds;
import dev.orderchainer.orders.domain.OrderStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Orders for tests, built field by field from sensible defaults (pending, no edges, version 1). */
public final class OrderTestData {
    public static final String USER = "user-1";
    public static final Instant CREATED = Instant.parse("2026-11-25T10:00:00Z");
    private static final OrderIds IDS = new OrderIds(Clock.fixed(CREATED, ZoneOffset.UTC));

    private String id = IDS.next();
    private String userId = USER;
    private String title = "An order";
    private String description = "";
    private OrderStatus status = OrderStatus.PENDING;
    private List<String> dependencies = List.of();
    private List<String> dependents = List.of();
    private boolean autoActivate;
    private List<String> blockedByFailure = List.of();
    private long version = 1;

    private OrderTestData() {}

    public static OrderTestData anOrder() {
        return new OrderTestData();
    }

    /** A fresh valid order id. */
    public static String newId() {
        return IDS.next();
    }

    public OrderTestData id(String value) {
        this.id = value;
        return this;
    }

    public OrderTestData user(String value) {
        this.userId = value;
        return this;
    }

    public OrderTestData title(String value) {
        this.title = value;
        return this;
    }

    public OrderTestData status(OrderStatus value) {
        this.status = value;
        return this;
    }

    public OrderTestData dependsOn(String... ids) {
        this.dependencies = List.of(ids);
        return this;
    }

    public OrderTestData dependsOn(List<String> ids) {
        this.dependencies = List.copyOf(ids);
        return this;
    }

    public OrderTestData dependents(List<String> ids) {
        this.dependents = List.copyOf(ids);
        return this;
    }

    public OrderTestData autoActivate() {
        this.autoActivate = true;
        return this;
    }

    public OrderTestData blockedByFailure(String... ids) {
        this.blockedByFailure = List.of(ids);
        return this;
    }

    public OrderTestData version(long value) {
        this.version = value;
        return this;
    }

    public Order build() {
        return new Order(id, userId, title, description, status, dependencies, dependents, autoActivate, blockedByFailure, CREATED,
                CREATED, version);
    }
}
