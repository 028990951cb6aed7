package dev.orderchainer.orders;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiGatewayV2Codec;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.ApiProblem;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import dev.orderchainer.orders.domain.OrderGraph;
import dev.orderchainer.orders.domain.OrderIds;
import dev.orderchainer.orders.domain.OrderNotFoundException;
import dev.orderchainer.workspaces.domain.Access;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * GET /api/orders/graph?format=json|mermaid|dot&root={id} → the caller's dependency graph (or
 * what one order depends on) with its topological order and critical path.
 */
public final class GetOrderGraphHandler extends ApiHandler<OrderComponents> {
    private static final Set<String> PARAMETERS = Set.of("format", "root");
    public GetOrderGraphHandler() {
        this(System.getenv());
    }

    public GetOrderGraphHandler(Map<String, String> environment) {
        super(new OrderComponents(new Env(environment)));
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Access access = components.access(request);
        request.allowOnlyQueryParameters(PARAMETERS);
        String format = request.query("format").orElse("json");
        String root = request.query("root").filter(value -> !value.isEmpty()).orElse(null);
        if (root != null && !OrderIds.isValid(root)) {
            throw new OrderNotFoundException(root);
        }
        if (!Set.of("json", "mermaid", "dot").contains(format)) {
            throw ApiProblem.badRequest("format must be json, mermaid or dot");
        }
        OrderGraph graph = OrderGraph.of(components.orders().all(access), root);
        HttpResponse response = render(graph, format);
        if (!ApiGatewayV2Codec.fitsLambda(response)) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("orders", graph.nodes().size());
            details.put("edges", graph.edges().size());
            throw new ApiProblem(422, "The graph" + (root == null ? "" : " of order " + root) + " has " + graph.nodes().size()
                    + " orders and " + graph.edges().size() + " dependencies, more than one answer can carry (6 MB). "
                    + "Narrow it with root=<order id> (that order and everything it depends on)"
                    + (format.equals("json") ? "" : " or ask for format=json, the most compact"), details, Map.of());
        }
        return response;
    }

    private static HttpResponse render(OrderGraph graph, String format) {
        switch (format) {
            case "mermaid":
                return new HttpResponse(200, Map.of("content-type", "text/vnd.mermaid; charset=utf-8"), graph.mermaid());
            case "dot":
                return new HttpResponse(200, Map.of("content-type", "text/vnd.graphviz; charset=utf-8"), graph.dot());
            default:
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("nodes", graph.nodes());
                body.put("edges", graph.edges());
                body.put("topological_order", graph.topologicalOrder());
                body.put("critical_path", graph.criticalPath());
                return HttpResponse.json(200, body);
        }
    }
}
