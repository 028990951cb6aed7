package dev.orderchainer.orders.domain;

import dev.orderchainer.common.text.InvalidTextException;
import dev.orderchainer.common.text.Text;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The rules about what a request may contain, whatever the stored orders are. */
final class OrderInput {
    private OrderInput() {}

    static String title(String title) {
        if (title == null) {
            throw new InvalidTextException("title", "is required");
        }
        return Text.singleLine("title", title, Order.MAX_TITLE);
    }

    static String description(String description) {
        return description == null ? "" : Text.multiLine("description", description, Order.MAX_DESCRIPTION);
    }

    /** Distinct, well-formed, not the order itself ({@code self} null for a new order), at most {@link Order#MAX_DEPENDENCIES}. */
    static List<String> dependencies(List<String> requested, String self) {
        if (requested == null) {
            return List.of();
        }
        if (requested.size() > Order.MAX_DEPENDENCIES) {
            throw new OrderInputException("An order can have at most " + Order.MAX_DEPENDENCIES + " dependencies, got "
                    + requested.size());
        }
        Set<String> seen = new LinkedHashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        for (String dependency : requested) {
            if (dependency == null) {
                throw new OrderInputException("Field 'dependencies' must not contain null");
            }
            if (dependency.equals(self)) {
                throw new OrderInputException("An order cannot depend on itself");
            }
            if (!seen.add(dependency)) {
                repeated.add(dependency);
            }
        }
        if (!repeated.isEmpty()) {
            throw new OrderInputException("Dependencies must not repeat: " + String.join(", ", repeated));
        }
        List<String> malformed = seen.stream().filter(d -> !OrderIds.isValid(d)).toList();
        if (!malformed.isEmpty()) {
            // Not an id we could have issued: as absent as any other unknown order.
            throw new DependenciesNotFoundException(malformed);
        }
        return List.copyOf(seen);
    }
}
