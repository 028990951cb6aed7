package dev.orderchainer.discord;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import java.util.Map;

/** POST /api/discord/test, …/discord/test and …/discord/webhooks/{hid}/test → 200 {delivered: true}, or 502 with Discord's answer. */
public final class TestDiscordIntegrationHandler extends ApiHandler<DiscordComponents> {
    public TestDiscordIntegrationHandler() {
        this(System.getenv());
    }

    public TestDiscordIntegrationHandler(Map<String, String> environment) {
        super(new DiscordComponents(new Env(environment)));
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        components.webhooks().sendTest(components.access(request), DiscordComponents.webhookId(request));
        return HttpResponse.json(200, Map.of("delivered", true));
    }
}
