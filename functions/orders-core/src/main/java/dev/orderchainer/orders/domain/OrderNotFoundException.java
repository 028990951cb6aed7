package dev.orderchainer.orders.domain;

import dev.orderchainer.common.domain.NotFoundException;

/** No order of this id exists for this user (another user's orders do not exist for them either). */
public final class OrderNotFoundException extends NotFoundException {
    public OrderNotFoundException(String orderId) {
        super("Order " + orderId + " not found");
    }
}
