package dev.orderchainer.discord;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import dev.orderchainer.common.json.Json;
import dev.orderchainer.delivery.domain.WebhookPreviews;
import dev.orderchainer.security.WorkspaceGate;
import java.util.Map;

/** POST …/discord/webhooks/{hid}/preview {event, order_id?, template?} → 200 {body}: exactly the JSON that would be posted. */
public final class PreviewDiscordWebhookHandler extends ApiHandler<DiscordComponents> {
    public PreviewDiscordWebhookHandler() {
        this(System.getenv());
    }

    public PreviewDiscordWebhookHandler(Map<String, String> environment) {
        super(new DiscordComponents(new Env(environment)));
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        WorkspaceGate.Caller caller = components.caller(request);
        WebhookPreviews.Request preview = body(request, WebhookPreviews.Request.class);
        String body = components.previews().preview(caller.access(), DiscordComponents.webhookId(request), preview);
        return HttpResponse.json(200, Map.of("body", Json.tree(body)));
    }
}
