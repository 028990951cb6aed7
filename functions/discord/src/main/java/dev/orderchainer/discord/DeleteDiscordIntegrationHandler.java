package dev.orderchainer.discord;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import java.util.Map;

/** DELETE /api/discord, …/discord and …/discord/webhooks/{hid} → 204. */
public final class DeleteDiscordIntegrationHandler extends ApiHandler<DiscordComponents> {
    public DeleteDiscordIntegrationHandler() {
        this(System.getenv());
    }

    public DeleteDiscordIntegrationHandler(Map<String, String> environment) {
        super(new DiscordComponents(new Env(environment)));
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        components.webhooks().delete(components.access(request), DiscordComponents.webhookId(request));
        return HttpResponse.noContent();
    }
}
