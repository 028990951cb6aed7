package dev.orderchainer.orders;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import java.util.Map;

/** An order endpoint: its components built from the environment, and their SnapStart priming. */
abstract class OrderHandler extends ApiHandler {
    protected final OrderComponents components;

    OrderHandler(Map<String, String> environment) {
        this(new OrderComponents(new Env(environment)));
    }

    private OrderHandler(OrderComponents components) {
        super(components.env());
        this.components = components;
    }

    @Override
    protected void prime() {
        components.prime();
    }
}
