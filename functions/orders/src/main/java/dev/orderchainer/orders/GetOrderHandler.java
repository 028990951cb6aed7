package dev.orderchainer.orders;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import java.util.Map;

/** GET /api/orders/{id} → 200 order with dependencies, dependents and blocked_by; 404 for anyone else's. */
public final class GetOrderHandler extends ApiHandler {
    private final OrderComponents components;

    public GetOrderHandler() {
        this(System.getenv());
    }

    public GetOrderHandler(Map<String, String> environment) {
        this(new OrderComponents(new Env(environment)));
    }

    private GetOrderHandler(OrderComponents components) {
        super(components.env());
        this.components = components;
    }

    @Override
    protected void prime() {
        components.prime();
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String userId = components.userId(request);
        return HttpResponse.json(200, components.orders().get(userId, OrderComponents.orderId(request)));
    }
}
