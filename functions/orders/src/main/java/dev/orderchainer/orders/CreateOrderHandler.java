package dev.orderchainer.orders;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import dev.orderchainer.orders.domain.OrderRequests;
import dev.orderchainer.orders.domain.OrderView;
import dev.orderchainer.security.WorkspaceGate;
import java.util.Map;

/** POST /api/orders {title, description?, status?, dependencies?} → 201 order. */
public final class CreateOrderHandler extends ApiHandler<OrderComponents> {
    public CreateOrderHandler() {
        this(System.getenv());
    }

    public CreateOrderHandler(Map<String, String> environment) {
        super(new OrderComponents(new Env(environment)));
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        WorkspaceGate.Caller caller = components.caller(request);
        OrderRequests.Create create = body(request, OrderRequests.Create.class);
        OrderView order = components.orders().create(caller.access(), create);
        String orders = request.pathParameter(WorkspaceGate.WORKSPACE_PARAMETER).map(w -> "/api/workspaces/" + w + "/orders/")
                .orElse("/api/orders/");
        return HttpResponse.json(201, order).withHeader("location", orders + order.id());
    }
}
