package dev.orderchainer.orders.domain;

import dev.orderchainer.common.domain.ConflictException;
import java.util.Map;

/** Other writes kept changing the orders this request read, on every attempt. */
public final class ChangedMeanwhileException extends ConflictException {
    public ChangedMeanwhileException() {
        super("The orders changed while this request was applied; retry it", Map.of());
    }
}
