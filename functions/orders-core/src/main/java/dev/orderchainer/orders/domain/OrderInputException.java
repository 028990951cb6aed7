package dev.orderchainer.orders.domain;

import dev.orderchainer.common.domain.InvalidInputException;

/** What was sent is not a valid order or change (a length, a count, a repeated or self dependency). */
public final class OrderInputException extends InvalidInputException {
    public OrderInputException(String message) {
        super(message);
    }
}
