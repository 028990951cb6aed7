package dev.orderchainer.orders.domain;

import dev.orderchainer.common.domain.ConflictException;
import java.util.List;
import java.util.Map;

/** New dependencies would close a cycle; the path starts and ends with the order being changed. */
public final class DependencyCycleException extends ConflictException {
    public DependencyCycleException(List<String> cycle) {
        super("These dependencies would create a cycle: " + String.join(" -> ", cycle), Map.of("cycle", List.copyOf(cycle)));
    }
}
