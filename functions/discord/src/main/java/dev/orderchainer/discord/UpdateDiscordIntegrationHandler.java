package dev.orderchainer.discord;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import dev.orderchainer.discord.domain.IntegrationRequests;
import dev.orderchainer.security.WorkspaceGate;
import java.util.Map;

/** PUT /api/discord {webhook_url?, username?, avatar_url?, notifications?} → 200. */
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
        IntegrationRequests.Update update = body(request, IntegrationRequests.Update.class);
        return HttpResponse.json(200, components.integrations().update(caller.access(), update));
    }
}
