package dev.orderchainer.orders;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import java.util.Map;

/** GET /api/orders/{id} → 200 order with dependencies, dependents and blocked_by; 404 for anyone else's. */
public final class GetOrderHandler extends ApiHandler<OrderComponents> {
    public GetOrderHandler() {
        this(System.getenv());
    }

    public GetOrderHandler(Map<String, String> environment) {
        super(new OrderComponents(new Env(environment)));
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.json(200, components.read(request, OrderComponents.orderId(request)));
    }
}
