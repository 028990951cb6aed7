package dev.orderchainer.discord.testing;

import dev.orderchainer.discord.domain.DiscordWebhooks;
import dev.orderchainer.discord.domain.WebhookUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Discord as a test scripts it: every call answers the status set last, and each call is recorded. */
public final class ScriptedDiscord implements DiscordWebhooks {
    public record Call(String method, WebhookUrl webhook, String body) {}

    private final List<Call> calls = new ArrayList<>();
    private int status = 200;
    private String body = "{}";

    public ScriptedDiscord answer(int newStatus, String newBody) {
        this.status = newStatus;
        this.body = newBody;
        return this;
    }

    public List<Call> calls() {
        return calls;
    }

    @Override
    public Answer fetch(WebhookUrl webhook) {
        calls.add(new Call("GET", webhook, null));
        return new Answer(status, body, OptionalDouble.empty(), null, null);
    }

    @Override
    public Answer execute(WebhookUrl webhook, String messageJson) {
        calls.add(new Call("POST", webhook, messageJson));
        return new Answer(status, body, OptionalDouble.empty(), null, null);
    }
}
