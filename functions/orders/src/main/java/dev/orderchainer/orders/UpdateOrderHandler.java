package dev.orderchainer.orders;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import dev.orderchainer.orders.domain.OrderRequests;
import dev.orderchainer.security.WorkspaceGate;
import java.util.Map;
import java.util.Set;

/** PUT /api/orders/{id} {title?, description?, status?, dependencies?, version?} → 200 order. */
public final class UpdateOrderHandler extends ApiHandler<OrderComponents> {
    public UpdateOrderHandler() {
        this(System.getenv());
    }

    public UpdateOrderHandler(Map<String, String> environment) {
        super(new OrderComponents(new Env(environment)));
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        WorkspaceGate.Caller caller = components.caller(request);
        String orderId = OrderComponents.orderId(request);
        // "assignee": null unassigns (the one field whose null means something).
        OrderRequests.Update update = body(request, OrderRequests.Update.class, Set.of("assignee"));
        return HttpResponse.json(200, components.orders().update(caller.access(), orderId, update));
    }
}
