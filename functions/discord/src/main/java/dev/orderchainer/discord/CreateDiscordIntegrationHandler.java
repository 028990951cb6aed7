package dev.orderchainer.discord;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import dev.orderchainer.discord.domain.WebhookRequest;
import dev.orderchainer.security.WorkspaceGate;
import java.util.Map;

/** POST /api/discord {webhook_url, ...} → 201: the workspace's first webhook, refused (409) while it has any. */
public final class CreateDiscordIntegrationHandler extends ApiHandler<DiscordComponents> {
    public CreateDiscordIntegrationHandler() {
        this(System.getenv());
    }

    public CreateDiscordIntegrationHandler(Map<String, String> environment) {
        super(new DiscordComponents(new Env(environment)));
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        WorkspaceGate.Caller caller = components.caller(request);
        WebhookRequest create = body(request, WebhookRequest.class);
        return HttpResponse.json(201, components.webhooks().createFirst(caller.access(), create));
    }
}
