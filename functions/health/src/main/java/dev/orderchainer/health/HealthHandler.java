package dev.orderchainer.health;

import dev.orderchainer.common.aws.AwsClients;
import dev.orderchainer.common.config.BuildInfo;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import java.util.Map;

/** GET /api/health (no auth): version and DynamoDB reachability; 503 when the table does not answer. */
public final class HealthHandler extends ApiHandler {
    private final HealthService health;

    public HealthHandler() {
        this(Env.system());
    }

    public HealthHandler(Map<String, String> environment) {
        this(new Env(environment));
    }

    private HealthHandler(Env env) {
        super(env);
        this.health = new HealthService(
                new DynamoDbTableProbe(new AwsClients(env).dynamoDb(), env.required("TABLE_NAME")),
                BuildInfo.version(), System::nanoTime);
    }

    @Override
    protected void prime() {
        health.check();
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        HealthReport report = health.check();
        return HttpResponse.json(report.healthy() ? 200 : 503, report).withHeader("cache-control", "no-store");
    }
}
