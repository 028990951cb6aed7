package dev.orderchainer.orders.domain;

import java.util.Set;

/** A decided change to one order: before and after, and the dependency edges it adds and removes. */
public record OrderEdit(Order before, Order after, Set<String> added, Set<String> removed) {
    public OrderEdit {
        added = Set.copyOf(added);
        removed = Set.copyOf(removed);
    }

    public boolean edgesChange() {
        return !added.isEmpty() || !removed.isEmpty();
    }

    /**
     * Whether the rule "active or completed only with every dependency completed" must be checked: it
     * is when the order enters such a status or its dependencies change while it is in one. (An order
     * already active keeps being active when a dependency is later reopened: that is the dependency's move.)
     */
    public boolean checksDependenciesCompleted() {
        return after.status().needsCompletedDependencies() && (after.status() != before.status() || edgesChange());
    }

    /** See {@link #checksDependenciesCompleted()}. */
    public void requireDependenciesCompleted(DependencyStates states) {
        if (checksDependenciesCompleted()) {
            after.requireDependenciesCompleted(states);
        }
    }
}
