package dev.orderchainer.health;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import java.util.Map;

/** GET /api/health (no auth): version and DynamoDB reachability; 503 when the table does not answer. */
public final class HealthHandler extends ApiHandler<HealthComponents> {
    public HealthHandler() {
        this(System.getenv());
    }

    public HealthHandler(Map<String, String> environment) {
        super(new HealthComponents(new Env(environment)));
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        HealthReport report = components.health().check();
        return HttpResponse.json(report.healthy() ? 200 : 503, report).withHeader("cache-control", "no-store");
    }
}
