package dev.orderchainer.discord.testing;

import dev.orderchainer.discord.domain.DiscordWebhooks;
import dev.orderchainer.discord.domain.WebhookUrl;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Discord as a test scripts it: each call answers the next answer queued with {@link #then}, or else the status
 * set last; each call is recorded.
 */
public final class ScriptedDiscord implements DiscordWebhooks {
    public record Call(String method, WebhookUrl webhook, String threadId, String body) {}

    private final List<Call> calls = new ArrayList<>();
    private final Deque<Answer> queued = new ArrayDeque<>();
    private int status = 200;
    private String body = "{}";

    public ScriptedDiscord answer(int newStatus, String newBody) {
        this.status = newStatus;
        this.body = newBody;
        return this;
    }

    /** Answers for the next calls, in order, with their rate-limit headers; then the status set last again. */
    public ScriptedDiscord then(Answer... answers) {
        queued.addAll(List.of(answers));
        return this;
    }

    /** The bodies posted, in order. */
    public List<String> posted() {
        return calls.stream().filter(c -> c.method().equals("POST")).map(Call::body).toList();
    }

    public List<Call> calls() {
        return calls;
    }

    @Override
    public Answer fetch(WebhookUrl webhook) {
        calls.add(new Call("GET", webhook, null, null));
        return new Answer(status, body, OptionalDouble.empty(), null, null);
    }

    @Override
    public Answer execute(WebhookUrl webhook, String threadId, String messageJson) {
        calls.add(new Call("POST", webhook, threadId, messageJson));
        return queued.isEmpty() ? new Answer(status, body, OptionalDouble.empty(), null, null) : queued.poll();
    }
}
