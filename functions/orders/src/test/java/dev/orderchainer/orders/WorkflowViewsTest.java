package dev.orderchainer.orders;

import static dev.orderchainer.local.JsonText.json;
import static dev.orderchainer.local.JsonText.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderchainer.local.HttpInvocation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ready and blocked views, and the graph in JSON, Mermaid and DOT. */
class WorkflowViewsTest {
    private static final OrdersApi API = new OrdersApi();

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(o -> ids.add(o.path("id").asText()));
        return ids;
    }

    @Test
    void readyAndBlockedViewsFollowTheDependencies() {
        OrdersApi.User user = API.newUser();
        String a = user.createId("{\"title\":\"A\"}");
        String b = user.createId("{\"title\":\"B\",\"dependencies\":[\"" + a + "\"]}");
        String c = user.createId("{\"title\":\"C\"}");
        user.update(c, "{\"status\":\"active\"}");
        assertEquals(List.of(a), ids(user.list("?view=ready").json()));
        assertEquals(List.of(b), ids(user.list("?view=blocked").json()));
        user.update(a, "{\"status\":\"active\"}");
        user.update(a, "{\"status\":\"completed\"}");
        assertEquals(List.of(b), ids(user.list("?view=ready").json()));
        assertTrue(ids(user.list("?view=blocked").json()).isEmpty());
        assertEquals(400, user.list("?view=ready&status=pending").status());
        assertEquals(400, user.list("?view=someday").status());
    }

    @Test
    void theGraphHasATopologicalOrderAndACriticalPath() {
        OrdersApi.User user = API.newUser();
        String a = user.createId("{\"title\":\"Buy paper\"}");
        String b = user.createId("{\"title\":\"Print\",\"dependencies\":[\"" + a + "\"]}");
        String c = user.createId(json("title", "Ship \"now\"", "dependencies", List.of(b, a)));
        String d = user.createId("{\"title\":\"Unrelated\"}");
        HttpInvocation.Response json = user.graph("");
        assertEquals(200, json.status(), json.bodyText());
        JsonNode graph = json.json();
        assertEquals(4, graph.path("nodes").size());
        assertEquals(3, graph.path("edges").size());
        List<String> order = texts(graph.path("topological_order"));
        assertTrue(order.indexOf(a) < order.indexOf(b) && order.indexOf(b) < order.indexOf(c), order.toString());
        assertTrue(order.contains(d));
        assertEquals(List.of(a, b, c), texts(graph.path("critical_path")));

        JsonNode fromPrint = user.graph("?root=" + b).json();
        assertEquals(2, fromPrint.path("nodes").size(), "Print and what it depends on");
        assertEquals(List.of(a, b), texts(fromPrint.path("critical_path")));

        HttpInvocation.Response mermaid = user.graph("?format=mermaid");
        assertEquals(200, mermaid.status());
        assertTrue(mermaid.header("content-type").startsWith("text/vnd.mermaid"));
        assertTrue(mermaid.bodyText().startsWith("graph TD\n"));
        assertTrue(mermaid.bodyText().contains("  o" + a + " --> o" + b + "\n"));
        assertTrue(mermaid.bodyText().contains("Ship #quot;now#quot;"), "quotes are escaped");

        HttpInvocation.Response dot = user.graph("?format=dot");
        assertTrue(dot.bodyText().startsWith("digraph orders {"));
        assertTrue(dot.bodyText().contains("\"" + b + "\" -> \"" + c + "\";"));
        assertTrue(dot.bodyText().contains("Ship \\\"now\\\""));

        assertEquals(400, user.graph("?format=xml").status());
        assertEquals(400, user.graph("?depth=3").status());
        assertEquals(404, API.newUser().graph("?root=" + a).status(), "another user's order is not found");
    }
}
