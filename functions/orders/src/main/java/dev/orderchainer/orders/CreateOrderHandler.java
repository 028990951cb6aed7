package dev.orderchainer.orders;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import dev.orderchainer.orders.domain.OrderRequests;
import dev.orderchainer.orders.domain.OrderView;
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
        String userId = components.userId(request);
        OrderView order = components.orders().create(userId, body(request, OrderRequests.Create.class));
        return HttpResponse.json(201, order).withHeader("location", "/api/orders/" + order.id());
    }
}
