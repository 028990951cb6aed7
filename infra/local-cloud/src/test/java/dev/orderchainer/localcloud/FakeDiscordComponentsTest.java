package dev.orderchainer.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.local.FakeDiscord;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fake Discord treats a webhook's components as Discord does, so the sender's buttons are tested against the rules. */
class FakeDiscordComponentsTest {
    private static final String ID = "1100000000000000077";
    private static final String TOKEN = "components-token";
    private static final String EMBED = "\"embeds\":[{\"title\":\"t\"}]";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static FakeDiscord discord;

    @BeforeAll
    static void start() {
        discord = FakeDiscord.start(0);
        discord.registerWebhook(ID, TOKEN);
    }

    @AfterAll
    static void stop() {
        discord.close();
    }

    private static HttpResponse<String> post(String query, String components) throws Exception {
        URI uri = URI.create(discord.apiBase() + "/webhooks/" + ID + "/" + TOKEN + query);
        String body = "{" + EMBED + ",\"components\":" + components + "}";
        HttpRequest request = HttpRequest.newBuilder(uri).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String link(String label, String url) {
        return "[{\"type\":1,\"components\":[{\"type\":2,\"style\":5,\"label\":\"" + label + "\",\"url\":\"" + url + "\"}]}]";
    }

    @Test
    void linkButtonsAreKeptOnlyWhenThePostAsksWithComponents() throws Exception {
        int before = discord.received().size();
        assertEquals(200, post("?wait=true", link("Open order", "https://app.example/orders/1")).statusCode());
        assertTrue(discord.received().get(before).body().path("components").isMissingNode(), "ignored without with_components");
        assertEquals(200, post("?wait=true&with_components=true", link("Open order", "https://app.example/orders/1")).statusCode());
        assertEquals("Open order", discord.received().get(before + 1).body().path("components").path(0).path("components").path(0)
                .path("label").asText());
    }

    @Test
    void interactiveButtonsBadLinksAndOverlongLabelsAreRefusedAs400() throws Exception {
        String q = "?wait=true&with_components=true";
        assertEquals(400, post(q, "[{\"type\":1,\"components\":[{\"type\":2,\"style\":1,\"label\":\"x\",\"custom_id\":\"x\"}]}]").statusCode());
        assertEquals(400, post(q, link("x", "javascript:alert(1)")).statusCode());
        assertEquals(400, post(q, link("x".repeat(81), "https://a.example")).statusCode());
        assertEquals(400, post(q, link("", "https://a.example")).statusCode());
        assertEquals(400, post(q, link("x", "https://a.example/" + "p".repeat(500))).statusCode());
        assertEquals(400, post(q, "[{\"type\":1,\"components\":[]}]").statusCode());
        String six = "[" + String.join(",", Collections.nCopies(6, link("x", "https://a.example").replaceAll("^\\[|\\]$", ""))) + "]";
        assertEquals(400, post(q, six).statusCode());
        assertEquals(200, post(q, link("x".repeat(80), "https://a.example")).statusCode());
    }
}
