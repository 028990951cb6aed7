package dev.orderchainer.discord.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.common.domain.DomainException;
import dev.orderchainer.common.http.ApiProblem;
import dev.orderchainer.common.http.Problems;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlTest {
    private static final String ID = "1187654321098765432";
    private static final String TOKEN = "Xy3kP9mQ2vL8nR4tW6zA1bC5dE7fG0hJ2kM4pN6qS8uV0xZ3aB5cD7eF9gH1iJ3kL5m";

    @ParameterizedTest
    @ValueSource(strings = {
        "https://discord.com/api/webhooks/",
        "https://discordapp.com/api/webhooks/",
        "https://ptb.discord.com/api/webhooks/",
        "https://canary.discord.com/api/v10/webhooks/",
        "https://DISCORD.com/api/v9/webhooks/",
    })
    void acceptsDiscordHostsAndApiVersions(String prefix) {
        WebhookUrl webhook = WebhookUrl.parse(prefix + ID + "/" + TOKEN);
        assertEquals(ID, webhook.id());
        assertEquals(TOKEN, webhook.token());
        assertEquals("https://discord.com/api/webhooks/" + ID + "/****kL5m", webhook.masked());
        assertEquals("webhook " + ID, webhook.toString(), "the token never appears in logs");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://discord.com/api/webhooks/ID/TOKEN|must use https",
        "https://evil.com/api/webhooks/ID/TOKEN|the host must be",
        "https://discord.com.evil.com/api/webhooks/ID/TOKEN|the host must be",
        "https://162.159.128.233/api/webhooks/ID/TOKEN|the host must be",
        "https://[::1]/api/webhooks/ID/TOKEN|the host must be",
        "https://user:pw@discord.com/api/webhooks/ID/TOKEN|user information",
        "https://discord.com@evil.com/api/webhooks/ID/TOKEN|user information",
        "https://discord.com:8443/api/webhooks/ID/TOKEN|port",
        "https://discord.com/api/webhooks/ID/TOKEN?wait=true|query or fragment",
        "https://discord.com/api/webhooks/ID/TOKEN#x|query or fragment",
        "https://discord.com/api/webhooks/ID|the path must be",
        "https://discord.com/api/webhooks/abc/TOKEN|the path must be",
        "https://discord.com/api/channels/ID/TOKEN|the path must be",
        "https://discord.com/api/webhooks/ID/TOKEN/../../users/@me|the path must be",
        "discord.com/api/webhooks/ID/TOKEN|must use https",
        "https://discord.com/api/webhooks/ID/TOKEN with space|not a URL",
    })
    void refusesEverythingElseSayingWhy(String url, String why) {
        ApiProblem problem = Problems.of(assertThrows(DomainException.class, () -> WebhookUrl.parse(url.replace("ID", ID).replace("TOKEN", TOKEN))));
        assertEquals(400, problem.status());
        assertTrue(problem.detail().contains(why), problem.detail());
        assertFalse(problem.detail().contains(TOKEN), "the token is not echoed");
    }

    @Test
    void aUrlOver300CharactersIsNotReadAtAll() {
        // No webhook URL is that long (at most 170 characters), so the cap only spares the parser; 300 is still parsed.
        String prefix = "https://discord.com/api/webhooks/" + ID + "/";
        String at300 = prefix + "a".repeat(300 - prefix.length());
        ApiProblem parsed = Problems.of(assertThrows(DomainException.class, () -> WebhookUrl.parse(at300)));
        assertTrue(parsed.detail().endsWith("the path must be /api/webhooks/{id}/{token}"), parsed.detail());
        ApiProblem tooLong = Problems.of(assertThrows(DomainException.class, () -> WebhookUrl.parse(at300 + "a")));
        assertTrue(tooLong.detail().endsWith("it is too long"), tooLong.detail());
    }

    @Test
    void discordAnsweredOkOnlyWithA2xx() {
        assertFalse(answer(199).ok());
        assertTrue(answer(200).ok());
        assertTrue(answer(299).ok());
        assertFalse(answer(300).ok());
        assertTrue(answer(401).webhookGone() && answer(404).webhookGone());
        assertFalse(answer(403).webhookGone() || answer(0).webhookGone() || answer(200).webhookGone());
    }

    private static DiscordWebhooks.Answer answer(int status) {
        return new DiscordWebhooks.Answer(status, "", OptionalDouble.empty(), null, null);
    }
}
