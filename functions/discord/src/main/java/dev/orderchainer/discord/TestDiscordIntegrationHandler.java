package dev.orderchainer.discord;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import java.util.Map;

/** POST /api/discord/test → 200 {delivered: true}, or 502 with Discord's answer. */
public final class TestDiscordIntegrationHandler extends ApiHandler {
    private final DiscordComponents components;

    public TestDiscordIntegrationHandler() {
        this(System.getenv());
    }

    public TestDiscordIntegrationHandler(Map<String, String> environment) {
        this(new DiscordComponents(new Env(environment)));
    }

    private TestDiscordIntegrationHandler(DiscordComponents components) {
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
        components.integrations().sendTest(userId);
        return HttpResponse.json(200, Map.of("delivered", true));
    }
}
