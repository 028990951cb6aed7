package dev.orderchainer.discord;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import dev.orderchainer.discord.domain.WebhookRequest;
import dev.orderchainer.security.WorkspaceGate;
import java.util.Map;

/** PUT /api/discord, …/discord and …/discord/webhooks/{hid} → 200: absent fields stay; a new URL is checked with Discord. */
public final class UpdateDiscordIntegrationHandler extends ApiHandler<DiscordComponents> {
    public UpdateDiscordIntegrationHandler() {
        this(System.getenv());
    }

    public UpdateDiscordIntegrationHandler(Map<String, String> environment) {
        super(new DiscordComponents(new Env(environment)));
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        WorkspaceGate.Caller caller = components.caller(request);
        WebhookRequest update = body(request, WebhookRequest.class);
        return HttpResponse.json(200, components.webhooks().update(caller.access(), DiscordComponents.webhookId(request), update));
    }
}
