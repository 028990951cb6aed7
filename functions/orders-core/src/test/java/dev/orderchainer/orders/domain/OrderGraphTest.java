package dev.orderchainer.orders.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderGraphTest {
    private static Order order(String id, String... dependencies) {
        return order(id, id, OrderStatus.PENDING, dependencies);
    }

    private static Order order(String id, String title, OrderStatus status, String... dependencies) {
        return new Order(id, "u", title, "", status, List.of(dependencies), List.of(), false, List.of(), Instant.EPOCH, Instant.EPOCH, 1);
    }

    @Test
    void topologicalOrderPutsDependenciesFirstAndBreaksTiesById() {
        OrderGraph graph = OrderGraph.of(List.of(order("D", "B", "C"), order("C", "A"), order("B", "A"), order("A")), null);
        assertEquals(List.of("A", "B", "C", "D"), graph.topologicalOrder());
        assertEquals(4, graph.edges().size());
    }

    @Test
    void theCriticalPathIsTheLongestChainByCount() {
        OrderGraph graph = OrderGraph.of(List.of(order("A"), order("B", "A"), order("C", "B"), order("X"), order("Y", "X"),
                order("Z", "C", "Y")), null);
        assertEquals(List.of("A", "B", "C", "Z"), graph.criticalPath());
    }

    @Test
    void aLongChainIsHandledWithoutRecursion() {
        List<Order> chain = new ArrayList<>();
        chain.add(order("N00000"));
        for (int i = 1; i < 10_000; i++) {
            chain.add(order(String.format("N%05d", i), String.format("N%05d", i - 1)));
        }
        OrderGraph graph = OrderGraph.of(chain, null);
        assertEquals(10_000, graph.criticalPath().size());
        assertEquals("N09999", graph.topologicalOrder().get(9_999));
    }

    @Test
    void ofTwoEquallyLongChainsTheCriticalPathTakesTheOneThroughTheSmallerId() {
        OrderGraph graph = OrderGraph.of(List.of(order("D", "C", "B"), order("C", "A"), order("B", "A"), order("A")), null);
        assertEquals(List.of("A", "B", "D"), graph.criticalPath());
    }

    @Test
    void nodesAreListedById() {
        OrderGraph graph = OrderGraph.of(List.of(order("C"), order("A"), order("B", "C")), null);
        assertEquals(List.of("A", "B", "C"), graph.nodes().stream().map(OrderGraph.Node::id).toList());
    }

    @Test
    void aRootedGraphHoldsWhatTheRootDependsOnAndNothingElse() {
        List<Order> orders = List.of(order("A"), order("B", "A"), order("C", "B"), order("D", "A"), order("E"));
        OrderGraph graph = OrderGraph.of(orders, "C");
        assertEquals(List.of("A", "B", "C"), graph.nodes().stream().map(OrderGraph.Node::id).toList());
        assertEquals(Set.of(new OrderGraph.Edge("A", "B"), new OrderGraph.Edge("B", "C")), Set.copyOf(graph.edges()));
        assertEquals(List.of("A", "B", "C"), graph.criticalPath());
        assertEquals(List.of("A"), OrderGraph.of(orders, "A").topologicalOrder());
        assertEquals(5, OrderGraph.of(orders, null).nodes().size());
        assertThrows(OrderNotFoundException.class, () -> OrderGraph.of(orders, "Z"));
    }

    @Test
    void anEdgeToAnOrderOutsideTheGraphIsLeftOut() {
        OrderGraph graph = OrderGraph.of(List.of(order("B", "A", "gone")), null);
        assertEquals(List.of(), graph.edges());
        assertEquals(List.of("B"), graph.topologicalOrder());
    }

    @Test
    void mermaidDrawsNodesInTheirStatusColoursAndEdgesFromDependencyToDependent() {
        OrderGraph graph = OrderGraph.of(List.of(order("A", "Say \"hi\"\nnow", OrderStatus.COMPLETED), order("B", "Next", OrderStatus.ACTIVE,
                "A")), null);
        assertEquals("""
                graph TD
                  %% topological order: A, B
                  %% critical path (2 orders): A -> B
                  oA["Say #quot;hi#quot; now (completed)"]:::completed
                  oB["Next (active)"]:::active
                  oA --> oB
                  classDef pending fill:#95a5a6
                  classDef active fill:#3498db
                  classDef completed fill:#2ecc71
                  classDef failed fill:#e74c3c
                """, graph.mermaid());
    }

    @Test
    void dotEscapesTitlesAndFillsNodesInTheirStatusColours() {
        OrderGraph graph = OrderGraph.of(List.of(order("A", "C:\\dir \"x\"\nnext", OrderStatus.FAILED), order("B", "Next", OrderStatus.PENDING,
                "A")), null);
        assertEquals("""
                digraph orders {
                  rankdir=LR;
                  // topological order: A, B
                  // critical path (2 orders): A -> B
                  "A" [label="C:\\\\dir \\"x\\"\\nnext\\n(failed)", style=filled, fillcolor="#e74c3c"];
                  "B" [label="Next\\n(pending)", style=filled, fillcolor="#95a5a6"];
                  "A" -> "B";
                }
                """, graph.dot());
    }
}
