package dev.orderchainer.orders.domain;

import dev.orderchainer.common.text.InvalidTextException;
import dev.orderchainer.common.text.Text;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules about what a request may contain, whatever the stored orders are. */
final class OrderInput {
    /** User ids are UUIDs; anything else cannot be a member. */
    private static final Pattern USER_ID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
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

    /** An assignee as asked for: empty to unassign (JSON null or ""), else a user id, whose membership the service checks. */
    static Optional<String> assignee(String assignee) {
        if (assignee == null || assignee.isEmpty()) {
            return Optional.empty();
        }
        if (!USER_ID.matcher(assignee).matches()) {
            throw new AssigneeNotAMemberException(assignee);
        }
        return Optional.of(assignee);
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
