package dev.orderchainer.orders.domain;

import dev.orderchainer.common.domain.LimitExceededException;
import java.util.Map;

/** The change would make an order's stored form larger than the store keeps (DynamoDB: 400 KB per item). */
public final class OrderTooLargeException extends LimitExceededException {
    public OrderTooLargeException() {
        super("This change would make an order larger than DynamoDB stores (400 KB per order, "
                + "mostly its dependents); remove dependents or shorten its description first", Map.of());
    }
}
