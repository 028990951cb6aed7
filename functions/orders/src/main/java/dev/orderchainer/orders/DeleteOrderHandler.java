package dev.orderchainer.orders;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import java.util.Map;

/** DELETE /api/orders/{id} → 204; 409 naming the dependents while any order depends on it. */
public final class DeleteOrderHandler extends ApiHandler<OrderComponents> {
    public DeleteOrderHandler() {
        this(System.getenv());
    }

    public DeleteOrderHandler(Map<String, String> environment) {
        super(new OrderComponents(new Env(environment)));
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        components.orders().delete(components.access(request), OrderComponents.orderId(request));
        return HttpResponse.noContent();
    }
}
