package dev.orderchainer.discord;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import dev.orderchainer.discord.domain.IntegrationRequests;
import dev.orderchainer.security.WorkspaceGate;
import java.util.Map;

/** POST /api/discord {webhook_url, username?, avatar_url?, notifications?} → 201 (the webhook must exist). */
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
        IntegrationRequests.Create create = body(request, IntegrationRequests.Create.class);
        return HttpResponse.json(201, components.integrations().create(caller.access(), create));
    }
}
