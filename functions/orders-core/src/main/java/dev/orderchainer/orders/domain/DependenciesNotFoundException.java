package dev.orderchainer.orders.domain;

import dev.orderchainer.common.domain.NotFoundException;
import java.util.List;
import java.util.Map;

/** Dependencies named in a request that do not exist (or are not order ids at all). */
public final class DependenciesNotFoundException extends NotFoundException {
    public DependenciesNotFoundException(List<String> missing) {
        super("Dependencies not found: " + String.join(", ", missing), Map.of("missing", List.copyOf(missing)));
    }
}
