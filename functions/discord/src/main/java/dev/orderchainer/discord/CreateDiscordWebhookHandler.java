package dev.orderchainer.discord;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import dev.orderchainer.discord.domain.WebhookRequest;
import dev.orderchainer.security.WorkspaceGate;
import java.util.Map;

/** POST /api/workspaces/{wid}/discord/webhooks {name?, webhook_url, ...} → 201: one more webhook (at most 10; Discord must know it). */
public final class CreateDiscordWebhookHandler extends ApiHandler<DiscordComponents> {
    public CreateDiscordWebhookHandler() {
        this(System.getenv());
    }

    public CreateDiscordWebhookHandler(Map<String, String> environment) {
        super(new DiscordComponents(new Env(environment)));
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        WorkspaceGate.Caller caller = components.caller(request);
        WebhookRequest create = body(request, WebhookRequest.class);
        return HttpResponse.json(201, components.webhooks().create(caller.access(), create));
    }
}
