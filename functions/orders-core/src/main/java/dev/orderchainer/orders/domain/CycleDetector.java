package dev.orderchainer.orders.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Would making {@code orderId} depend on {@code newDependencies} close a cycle? Walks the
 * dependency graph breadth first from the new dependencies, one batched read per level, so a
 * shallow neighbourhood costs a few reads whatever the graph's size. A walk still going after
 * {@code maxLevelReads} levels (a long chain) reads the user's whole edge list at once instead
 * of one round trip per level. Returns the cycle as a path that starts and ends with {@code orderId}.
 */
public final class CycleDetector {
    private final Function<Set<String>, Map<String, List<String>>> readLevel;
    private final Supplier<Map<String, List<String>>> readAll;
    private final int maxLevelReads;
    private Map<String, List<String>> everything;
    private int levelsRead;

    /**
     * @param readLevel     the dependency lists of a set of orders, in one batched read
     * @param readAll       every order's dependency list, for deep walks
     * @param maxLevelReads levels read one by one before switching to {@code readAll}
     */
    public CycleDetector(Function<Set<String>, Map<String, List<String>>> readLevel,
                         Supplier<Map<String, List<String>>> readAll, int maxLevelReads) {
        this.readLevel = readLevel;
        this.readAll = readAll;
        this.maxLevelReads = maxLevelReads;
    }

    /** Whether the walk fell back to reading the whole graph. */
    public boolean readWholeGraph() {
        return everything != null;
    }

    public int levelsRead() {
        return levelsRead;
    }

    public Optional<List<String>> findCycle(String orderId, Collection<String> newDependencies) {
        Map<String, String> reachedFrom = new HashMap<>();
        Set<String> frontier = new LinkedHashSet<>();
        for (String dependency : newDependencies) {
            if (dependency.equals(orderId)) {
                return Optional.of(List.of(orderId, orderId));
            }
            if (reachedFrom.putIfAbsent(dependency, orderId) == null) {
                frontier.add(dependency);
            }
        }
        while (!frontier.isEmpty()) {
            Map<String, List<String>> level;
            if (everything == null && levelsRead >= maxLevelReads) {
                everything = readAll.get();
            }
            if (everything != null) {
                level = everything;
            } else {
                level = readLevel.apply(frontier);
                levelsRead++;
            }
            Set<String> next = new LinkedHashSet<>();
            for (String node : frontier) {
                for (String dependency : level.getOrDefault(node, List.of())) {
                    if (dependency.equals(orderId)) {
                        return Optional.of(path(orderId, node, reachedFrom));
                    }
                    if (reachedFrom.putIfAbsent(dependency, node) == null) {
                        next.add(dependency);
                    }
                }
            }
            frontier = next;
        }
        return Optional.empty();
    }

    /** orderId -> first new dependency -> ... -> node -> orderId */
    private static List<String> path(String orderId, String last, Map<String, String> reachedFrom) {
        List<String> reversed = new ArrayList<>();
        reversed.add(orderId);
        for (String node = last; !node.equals(orderId); node = reachedFrom.get(node)) {
            reversed.add(node);
        }
        reversed.add(orderId);
        Collections.reverse(reversed);
        return reversed;
    }
}
