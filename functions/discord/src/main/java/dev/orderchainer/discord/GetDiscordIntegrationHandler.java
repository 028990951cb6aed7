package dev.orderchainer.discord;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import java.util.Map;

/** GET /api/discord, …/discord and …/discord/webhooks/{hid} → 200: the webhook, token masked (one round trip). */
public final class GetDiscordIntegrationHandler extends ApiHandler<DiscordComponents> {
    public GetDiscordIntegrationHandler() {
        this(System.getenv());
    }

    public GetDiscordIntegrationHandler(Map<String, String> environment) {
        super(new DiscordComponents(new Env(environment)));
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.json(200, components.read(request));
    }
}
