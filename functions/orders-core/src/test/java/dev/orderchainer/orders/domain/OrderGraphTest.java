package dev.orderchainer.orders.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderGraphTest {
    private static Order order(String id, String... dependencies) {
        return new Order(id, "u", id, "", OrderStatus.PENDING, List.of(dependencies), List.of(), false, List.of(),
                Instant.EPOCH, Instant.EPOCH, 1);
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
}
