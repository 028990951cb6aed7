package dev.orderchainer.discord;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import java.util.Map;

/** A Discord integration endpoint: its components built from the environment, and their SnapStart priming. */
abstract class DiscordHandler extends ApiHandler {
    protected final DiscordComponents components;

    DiscordHandler(Map<String, String> environment) {
        this(new DiscordComponents(new Env(environment)));
    }

    private DiscordHandler(DiscordComponents components) {
        super(components.env());
        this.components = components;
    }

    @Override
    protected void prime() {
        components.prime();
    }
}
