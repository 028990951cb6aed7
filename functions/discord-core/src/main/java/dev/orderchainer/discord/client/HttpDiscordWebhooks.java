package dev.orderchainer.discord.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderchainer.common.json.Json;
import dev.orderchainer.discord.domain.DiscordWebhooks;
import dev.orderchainer.discord.domain.WebhookUrl;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalDouble;

/**
 * Discord webhooks over the JDK HTTP client. The URL is always rebuilt from the id and token on
 * the configured API base (discord.com, or DISCORD_API_BASE locally), never taken from a user.
 * Failures carry only an exception name: the URL holds the token and must never be logged.
 */
public final class HttpDiscordWebhooks implements DiscordWebhooks {
    public static final String DEFAULT_API_BASE = "https://discord.com/api/v10";
    private final HttpClient http;
    private final String apiBase;
    private final Duration timeout;

    public HttpDiscordWebhooks(String apiBase, Duration timeout) {
        this.apiBase = apiBase.endsWith("/") ? apiBase.substring(0, apiBase.length() - 1) : apiBase;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private URI uri(WebhookUrl webhook, String query) {
        return URI.create(apiBase + "/webhooks/" + webhook.id() + "/" + webhook.token() + query);
    }

    @Override
    public Answer fetch(WebhookUrl webhook) {
        return send(HttpRequest.newBuilder(uri(webhook, "")).timeout(timeout).GET().build());
    }

    @Override
    public Answer execute(WebhookUrl webhook, String threadId, String messageJson) {
        // with_components: a webhook we do not own posts link buttons only when asked to (Discord ignores them otherwise).
        // A thread id is a snowflake (checked when saved): digits only, safe in a query.
        String thread = threadId == null ? "" : "&thread_id=" + threadId;
        return send(HttpRequest.newBuilder(uri(webhook, "?wait=true&with_components=true" + thread)).timeout(timeout)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(messageJson)).build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), retryAfter(response),
                    response.headers().firstValue("x-ratelimit-remaining").map(Integer::parseInt).orElse(null),
                    response.headers().firstValue("x-ratelimit-reset-after").map(Double::parseDouble).orElse(null));
        } catch (IOException | NumberFormatException e) {
            return new Answer(0, e.getClass().getSimpleName(), OptionalDouble.empty(), null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted", OptionalDouble.empty(), null, null);
        }
    }

    /** 429s carry retry_after (seconds, fractional) in the body and Retry-After in the headers. */
    private static OptionalDouble retryAfter(HttpResponse<String> response) {
        if (response.statusCode() != 429) {
            return OptionalDouble.empty();
        }
        try {
            JsonNode body = Json.mapper().readTree(response.body());
            if (body.path("retry_after").isNumber()) {
                return OptionalDouble.of(body.path("retry_after").asDouble());
            }
        } catch (IOException | RuntimeException ignored) {
            // fall back to the header
        }
        return response.headers().firstValue("retry-after").map(v -> OptionalDouble.of(Double.parseDouble(v)))
                .orElse(OptionalDouble.of(1));
    }
}
