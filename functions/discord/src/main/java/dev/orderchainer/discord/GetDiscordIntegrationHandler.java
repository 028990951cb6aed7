package dev.orderchainer.discord;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import java.util.Map;

/** GET /api/discord → 200 the integration, token masked. */
public final class GetDiscordIntegrationHandler extends ApiHandler {
    private final DiscordComponents components;

    public GetDiscordIntegrationHandler() {
        this(System.getenv());
    }

    public GetDiscordIntegrationHandler(Map<String, String> environment) {
        this(new DiscordComponents(new Env(environment)));
    }

    private GetDiscordIntegrationHandler(DiscordComponents components) {
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
        return HttpResponse.json(200, components.integrations().get(userId));
    }
}
