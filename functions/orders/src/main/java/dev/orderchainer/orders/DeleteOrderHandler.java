package dev.orderchainer.orders;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import java.util.Map;

/** DELETE /api/orders/{id} → 204; 409 naming the dependents while any order depends on it. */
public final class DeleteOrderHandler extends ApiHandler {
    private final OrderComponents components;

    public DeleteOrderHandler() {
        this(System.getenv());
    }

    public DeleteOrderHandler(Map<String, String> environment) {
        this(new OrderComponents(new Env(environment)));
    }

    private DeleteOrderHandler(OrderComponents components) {
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
        components.orders().delete(userId, OrderComponents.orderId(request));
        return HttpResponse.noContent();
    }
}
