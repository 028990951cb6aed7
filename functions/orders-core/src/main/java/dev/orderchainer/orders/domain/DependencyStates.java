package dev.orderchainer.orders.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The orders a change depends on, as read for it: which exist, which are completed, which have room for a dependent. */
public record DependencyStates(Map<String, Order> found) {
    public DependencyStates {
        found = Map.copyOf(found);
    }

    /** Those of {@code ids} that are not completed or do not exist, in the order given. */
    public List<String> notCompleted(Collection<String> ids) {
        return ids.stream().filter(id -> !found.containsKey(id) || found.get(id).status() != OrderStatus.COMPLETED).toList();
    }

    public void requireExisting(Collection<String> ids) {
        List<String> missing = ids.stream().filter(id -> !found.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new DependenciesNotFoundException(missing);
        }
    }

    /** Every one of {@code ids} (existing) can take one more dependent; the store's write condition is the race-proof half. */
    public void requireRoomForDependent(Collection<String> ids) {
        List<String> full = ids.stream().filter(id -> !found.get(id).hasRoomForDependent()).toList();
        if (!full.isEmpty()) {
            throw new TooManyDependentsException(full);
        }
    }
}
