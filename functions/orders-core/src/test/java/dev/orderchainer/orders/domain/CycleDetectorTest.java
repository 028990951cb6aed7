package dev.orderchainer.orders.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CycleDetectorTest {
    private final Map<String, List<String>> graph = new HashMap<>();
    private final List<Set<String>> reads = new ArrayList<>();

    private int wholeGraphReads;

    private CycleDetector detector() {
        return new CycleDetector(level -> {
            reads.add(Set.copyOf(level));
            Map<String, List<String>> out = new HashMap<>();
            level.forEach(id -> out.put(id, graph.getOrDefault(id, List.of())));
            return out;
        }, () -> {
            wholeGraphReads++;
            return Map.copyOf(graph);
        }, 16);
    }

    @Test
    void findsTheCyclePathAStartingAndEndingWithTheOrder() {
        graph.put("B", List.of("C"));
        graph.put("C", List.of("A"));
        Optional<List<String>> cycle = detector().findCycle("A", List.of("B"));
        assertEquals(Optional.of(List.of("A", "B", "C", "A")), cycle);
    }

    @Test
    void aDirectTwoCycleAndSelfDependency() {
        graph.put("B", List.of("A"));
        assertEquals(Optional.of(List.of("A", "B", "A")), detector().findCycle("A", List.of("B")));
        assertEquals(Optional.of(List.of("A", "A")), detector().findCycle("A", List.of("A")));
    }

    @Test
    void noCycleInADiamondAndEachNodeIsReadOnce() {
        graph.put("B", List.of("D"));
        graph.put("C", List.of("D"));
        graph.put("D", List.of("E"));
        CycleDetector detector = detector();
        assertTrue(detector.findCycle("A", List.of("B", "C")).isEmpty());
        assertEquals(3, detector.levelsRead(), "one batched read per level: {B,C}, {D}, {E}");
        assertEquals(List.of(Set.of("B", "C"), Set.of("D"), Set.of("E")), reads);
        assertFalse(detector.readWholeGraph(), "three levels are read one by one");
    }

    @Test
    void readsOnlyWhatIsReachableFromTheNewDependencies() {
        for (int i = 0; i < 1000; i++) {
            graph.put("X" + i, List.of("X" + (i + 1)));
        }
        graph.put("B", List.of("C"));
        CycleDetector detector = detector();
        assertTrue(detector.findCycle("A", List.of("B")).isEmpty());
        assertEquals(2, reads.stream().mapToInt(Set::size).sum(), "B and C only, none of the 1000 unrelated orders");
        assertEquals(0, wholeGraphReads);
    }

    @Test
    void aDeepWalkSwitchesToOneWholeGraphReadAndStillNamesTheCycle() {
        for (int i = 0; i < 999; i++) {
            graph.put("X" + i, List.of("X" + (i + 1)));
        }
        graph.put("X999", List.of("A"));
        CycleDetector detector = detector();
        Optional<List<String>> cycle = detector.findCycle("A", List.of("X0"));
        assertEquals(16, detector.levelsRead(), "level by level up to the limit");
        assertEquals(1, wholeGraphReads);
        assertTrue(detector.readWholeGraph());
        assertEquals(1002, cycle.orElseThrow().size(), "A, X0..X999, A");
        assertEquals("X999", cycle.get().get(1000));
    }
}
