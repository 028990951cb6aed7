package dev.orderchainer.discord;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import java.util.Map;

/** GET /api/workspaces/{wid}/discord/webhooks → 200 {items}: the workspace's webhooks, the first first. */
public final class ListDiscordWebhooksHandler extends ApiHandler<DiscordComponents> {
    public ListDiscordWebhooksHandler() {
        this(System.getenv());
    }

    public ListDiscordWebhooksHandler(Map<String, String> environment) {
        super(new DiscordComponents(new Env(environment)));
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.json(200, Map.of("items", components.webhooks().list(components.access(request))));
    }
}
