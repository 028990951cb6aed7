package dev.orderchainer.orders;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import dev.orderchainer.orders.domain.OrderRequests;
import java.util.Map;

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
        String userId = components.userId(request);
        String orderId = OrderComponents.orderId(request);
        return HttpResponse.json(200, components.orders().update(userId, orderId, body(request, OrderRequests.Update.class)));
    }
}
