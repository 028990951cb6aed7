package dev.orderchainer.orders.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * A user's dependency graph (or the part one order depends on): nodes, edges from dependency to
 * dependent, a topological order (dependencies first, ties by id) and the critical path, the
 * longest chain of orders by count.
 */
public record OrderGraph(List<Node> nodes, List<Edge> edges, List<String> topologicalOrder, List<String> criticalPath) {

    /** {@code assignee}: a member's user id or null. */
    public record Node(String id, String title, OrderStatus status, String assignee) {}

    /** {@code dependent} depends on {@code dependency}. */
    public record Edge(String dependency, String dependent) {}

    public static OrderGraph of(Collection<Order> orders, String root) {
        Map<String, Order> everything = new LinkedHashMap<>();
        orders.forEach(o -> everything.put(o.id(), o));
        Map<String, Order> byId = root == null ? everything : reachable(everything, root);
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        for (Order order : byId.values()) {
            nodes.add(new Node(order.id(), order.title(), order.status(), order.assignee()));
            int known = 0;
            for (String dependency : order.dependencies()) {
                if (byId.containsKey(dependency)) {
                    edges.add(new Edge(dependency, order.id()));
                    dependents.computeIfAbsent(dependency, k -> new ArrayList<>()).add(order.id());
                    known++;
                }
            }
            waiting.put(order.id(), known);
        }
        // Kahn's algorithm; the smallest id first keeps the order stable.
        PriorityQueue<String> ready = new PriorityQueue<>(Comparator.naturalOrder());
        waiting.forEach((id, count) -> {
            if (count == 0) {
                ready.add(id);
            }
        });
        List<String> topological = new ArrayList<>();
        Map<String, Integer> chain = new HashMap<>();
        Map<String, String> previous = new HashMap<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            topological.add(id);
            int length = chain.merge(id, 1, Math::max);
            for (String dependent : dependents.getOrDefault(id, List.of())) {
                if (length + 1 > chain.getOrDefault(dependent, 0)) {
                    chain.put(dependent, length + 1);
                    previous.put(dependent, id);
                }
                if (waiting.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        List<String> critical = new ArrayList<>();
        String end = topological.stream().max(Comparator.comparing((String id) -> chain.getOrDefault(id, 0))
                .thenComparing(Comparator.reverseOrder())).orElse(null);
        for (String id = end; id != null; id = previous.get(id)) {
            critical.add(0, id);
        }
        nodes.sort(Comparator.comparing(Node::id));
        return new OrderGraph(nodes, edges, topological, critical);
    }

    /** The root and everything it depends on, directly or not. */
    private static Map<String, Order> reachable(Map<String, Order> everything, String root) {
        if (!everything.containsKey(root)) {
            throw new OrderNotFoundException(root);
        }
        Map<String, Order> reachable = new LinkedHashMap<>();
        Deque<String> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Order order = everything.get(todo.poll());
            if (order != null && reachable.putIfAbsent(order.id(), order) == null) {
                todo.addAll(order.dependencies());
            }
        }
        return reachable;
    }

    public String mermaid() {
        StringBuilder out = new StringBuilder("graph TD\n");
        out.append("  %% topological order: ").append(String.join(", ", topologicalOrder)).append('\n');
        out.append("  %% critical path (").append(criticalPath.size()).append(" orders): ").append(String.join(" -> ", criticalPath)).append('\n');
        for (Node node : nodes) {
            out.append("  o").append(node.id()).append("[\"").append(node.title().replace("\"", "#quot;").replace("\n", " "))
                    .append(" (").append(node.status()).append(")\"]:::").append(node.status()).append('\n');
        }
        for (Edge edge : edges) {
            out.append("  o").append(edge.dependency()).append(" --> o").append(edge.dependent()).append('\n');
        }
        for (OrderStatus status : OrderStatus.values()) {
            out.append("  classDef ").append(status.wire()).append(" fill:").append(StatusPalette.hex(status)).append('\n');
        }
        return out.toString();
    }

    public String dot() {
        StringBuilder out = new StringBuilder("digraph orders {\n  rankdir=LR;\n");
        out.append("  // topological order: ").append(String.join(", ", topologicalOrder)).append('\n');
        out.append("  // critical path (").append(criticalPath.size()).append(" orders): ").append(String.join(" -> ", criticalPath)).append('\n');
        for (Node node : nodes) {
            out.append("  \"").append(node.id()).append("\" [label=\"").append(escapeDot(node.title())).append("\\n(")
                    .append(node.status()).append(")\", style=filled, fillcolor=\"").append(StatusPalette.hex(node.status())).append("\"];\n");
        }
        for (Edge edge : edges) {
            out.append("  \"").append(edge.dependency()).append("\" -> \"").append(edge.dependent()).append("\";\n");
        }
        return out.append("}\n").toString();
    }

    private static String escapeDot(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
