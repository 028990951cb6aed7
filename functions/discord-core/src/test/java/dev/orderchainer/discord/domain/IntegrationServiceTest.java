package dev.orderchainer.discord.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderchainer.common.domain.ChangedBy;
import dev.orderchainer.common.domain.InvalidInputException;
import dev.orderchainer.common.domain.NotPermittedException;
import dev.orderchainer.common.json.Json;
import dev.orderchainer.discord.testing.InMemoryIntegrationStore;
import dev.orderchainer.discord.testing.ScriptedDiscord;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The integration rules over an in-memory store and a scripted Discord: what is checked, kept, refused and sent. */
class IntegrationServiceTest {
    private static final String USER = "user-1";
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String HOOK = "https://discord.com/api/webhooks/1187654321098765432/Xy3kP9mQ2vL8nR4tW6zA1bC5dE7fG0hJ2kM4";
    private static final String OTHER_HOOK = "https://discord.com/api/webhooks/1187654321098765999/Ab3kP9mQ2vL8nR4tW6zA1bC5dE7fG0hJ2kWXYZ";
    private final InMemoryIntegrationStore store = new InMemoryIntegrationStore();
    private final ScriptedDiscord discord = new ScriptedDiscord();
    private final Set<String> verified = new HashSet<>(Set.of(USER));
    private final IntegrationService service = new IntegrationService(store, verified::contains, discord, Clock.fixed(NOW, ZoneOffset.UTC));

    private static IntegrationRequests.Create create(String webhook) {
        return new IntegrationRequests.Create(webhook, null, null, null);
    }

    private IntegrationView connected() {
        return service.create(USER, new IntegrationRequests.Create(HOOK, "Orders", "https://cdn.example.com/a.png",
                new Notifications(null, false, null, null, null, null)));
    }

    @Test
    void anIntegrationIsCreatedOnceDiscordConfirmsTheWebhookAndShowsTheTokenMasked() {
        IntegrationView view = connected();
        assertEquals("https://discord.com/api/webhooks/1187654321098765432/****2kM4", view.webhookUrl());
        assertEquals("1187654321098765432", view.webhookId());
        assertEquals("Orders", view.username());
        assertEquals("https://cdn.example.com/a.png", view.avatarUrl());
        assertEquals(new Notifications(true, false, true, true, true, true), view.notifications(), "absent toggles are on");
        assertTrue(view.enabled());
        assertNull(view.disabledReason());
        assertEquals(NOW.toString(), view.createdAt());
        assertEquals(List.of("GET"), discord.calls().stream().map(ScriptedDiscord.Call::method).toList());
        assertEquals(view, service.get(USER));
    }

    @Test
    void onlyAVerifiedUserMayConnectAndOnlyOnce() {
        verified.clear();
        assertThrows(NotPermittedException.class, () -> connected());
        assertTrue(discord.calls().isEmpty(), "Discord is not asked for an unverified user");
        verified.add(USER);
        connected();
        assertThrows(IntegrationExistsException.class, () -> connected());
        assertEquals(1, discord.calls().size());
    }

    @Test
    void aWebhookDiscordDoesNotKnowIsRefusedAndNothingIsStored() {
        discord.answer(404, "{\"code\": 10015}");
        WebhookNotFoundException gone = assertThrows(WebhookNotFoundException.class, () -> service.create(USER, create(HOOK)));
        assertEquals("Discord says this webhook does not exist (status 404)", gone.getMessage());
        assertThrows(IntegrationNotFoundException.class, () -> service.get(USER));
        discord.answer(401, "{}");
        assertThrows(WebhookNotFoundException.class, () -> service.create(USER, create(HOOK)));
    }

    @Test
    void discordUnreachableOrFailingWhileCheckingIsAnUpstreamFailure() {
        discord.answer(0, "timeout");
        DiscordFailureException unreachable = assertThrows(DiscordFailureException.class, () -> service.create(USER, create(HOOK)));
        assertEquals("Discord could not be reached to check the webhook", unreachable.getMessage());
        discord.answer(503, "busy");
        DiscordFailureException failing = assertThrows(DiscordFailureException.class, () -> service.create(USER, create(HOOK)));
        assertEquals("Discord answered 503 when checking the webhook; try again", failing.getMessage());
        assertEquals(503, failing.facts().get("discord_status"));
        discord.answer(204, "");
        assertTrue(service.create(USER, create(HOOK)).enabled(), "any 2xx confirms");
    }

    @ParameterizedTest
    @ValueSource(strings = {"My Discord bot", "clyde", "ClYdE helper", "DISCORD"})
    void aUsernameDiscordRefusesIsRefusedFirst(String username) {
        assertThrows(InvalidInputException.class, () -> service.create(USER, new IntegrationRequests.Create(HOOK, username, null, null)));
        assertTrue(discord.calls().isEmpty());
    }

    @Test
    void aUsernameIsOneLineOfAtMost80Characters() {
        assertEquals("x".repeat(80), service.create(USER, new IntegrationRequests.Create(HOOK, " " + "x".repeat(80) + " ", null, null))
                .username());
        store.delete(USER, new ChangedBy(USER, Instant.EPOCH));
        assertThrows(InvalidInputException.class, () -> service.create(USER, new IntegrationRequests.Create(HOOK, "x".repeat(81), null, null)));
        assertThrows(InvalidInputException.class, () -> service.create(USER, new IntegrationRequests.Create(HOOK, "a\nb", null, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://cdn.example.com/a.png", "https:///a.png", "https://user@cdn.example.com/a.png", "not a url",
        "ftp://cdn.example.com/a.png"})
    void anAvatarIsAnHttpsUrlWithAHostAndNoUserInfo(String avatar) {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> service.create(USER, new IntegrationRequests.Create(HOOK, null, avatar, null)));
        assertEquals("Field 'avatar_url' must be an https URL", refused.getMessage());
    }

    @Test
    void anAvatarUpTo2048CharactersIsKept() {
        String base = "https://cdn.example.com/";
        String longest = base + "a".repeat(2048 - base.length());
        assertEquals(longest, service.create(USER, new IntegrationRequests.Create(HOOK, null, longest, null)).avatarUrl());
        store.delete(USER, new ChangedBy(USER, Instant.EPOCH));
        assertThrows(InvalidInputException.class, () -> service.create(USER, new IntegrationRequests.Create(HOOK, null, longest + "a", null)));
    }

    @Test
    void anUpdateKeepsWhatItDoesNotNameAndChecksOnlyANewWebhook() {
        connected();
        IntegrationView renamed = service.update(USER, new IntegrationRequests.Update(null, "Renamed", null,
                new Notifications(null, null, false, null, null, null)));
        assertEquals("Renamed", renamed.username());
        assertEquals("https://cdn.example.com/a.png", renamed.avatarUrl());
        assertEquals(new Notifications(true, false, false, true, true, true), renamed.notifications());
        assertEquals(1, discord.calls().size(), "no new webhook, no check");
        service.update(USER, new IntegrationRequests.Update(HOOK, null, null, null));
        assertEquals(1, discord.calls().size(), "the same enabled webhook again is not checked");
        IntegrationView moved = service.update(USER, new IntegrationRequests.Update(OTHER_HOOK, null, "https://cdn.example.com/b.png", null));
        assertEquals("1187654321098765999", moved.webhookId());
        assertEquals("https://cdn.example.com/b.png", moved.avatarUrl());
        assertEquals(2, discord.calls().size());
        discord.answer(404, "{}");
        assertThrows(WebhookNotFoundException.class, () -> service.update(USER, new IntegrationRequests.Update(HOOK, null, null, null)));
        assertEquals("1187654321098765999", service.get(USER).webhookId(), "a refused webhook is not stored");
        assertThrows(InvalidInputException.class, () -> service.update(USER, new IntegrationRequests.Update(null, "discord", null, null)));
    }

    @Test
    void aDisabledIntegrationStaysDisabledUntilItsWebhookIsConfirmedAgain() {
        connected();
        store.disable(USER, "gone");
        IntegrationView renamed = service.update(USER, new IntegrationRequests.Update(null, "Renamed", null, null));
        assertFalse(renamed.enabled());
        assertEquals("gone", renamed.disabledReason());
        IntegrationView again = service.update(USER, new IntegrationRequests.Update(HOOK, null, null, null));
        assertTrue(again.enabled(), "the same webhook given again is checked and, confirmed, works again");
        assertNull(again.disabledReason());
        assertEquals("Renamed", again.username());
        assertEquals(2, discord.calls().size());
    }

    @Test
    void aTestMessageIsAnEmbedWithOurNameAndNoMentions() throws Exception {
        connected();
        service.sendTest(USER);
        ScriptedDiscord.Call post = discord.calls().get(1);
        assertEquals("POST", post.method());
        JsonNode message = Json.mapper().readTree(post.body());
        assertEquals("Orders", message.get("username").asText());
        assertEquals("https://cdn.example.com/a.png", message.get("avatar_url").asText());
        assertEquals(0, message.get("allowed_mentions").get("parse").size());
        JsonNode embed = message.get("embeds").get(0);
        assertEquals("OrderChainer is connected", embed.get("title").asText());
        assertEquals(0x5865F2, embed.get("color").asInt());
        assertEquals(NOW.toString(), embed.get("timestamp").asText());
        assertEquals("OrderChainer test message", embed.get("footer").get("text").asText());
    }

    @Test
    void aMessageWithoutUsernameOrAvatarLeavesThemToDiscord() throws Exception {
        service.create(USER, create(HOOK));
        service.sendTest(USER);
        JsonNode message = Json.mapper().readTree(discord.calls().get(1).body());
        assertFalse(message.has("username"));
        assertFalse(message.has("avatar_url"));
    }

    @Test
    void aTestToAGoneWebhookDisablesTheIntegrationAndSaysWhy() {
        connected();
        discord.answer(404, "{\"message\": \"Unknown Webhook\"}");
        DiscordFailureException refused = assertThrows(DiscordFailureException.class, () -> service.sendTest(USER));
        assertEquals("Discord refused the test message with status 404", refused.getMessage());
        assertEquals(404, refused.facts().get("discord_status"));
        assertEquals("{\"message\": \"Unknown Webhook\"}", refused.facts().get("discord_response"));
        IntegrationView view = service.get(USER);
        assertFalse(view.enabled());
        assertEquals("Discord answered 404: the webhook no longer exists", view.disabledReason());
        IntegrationDisabledException disabled = assertThrows(IntegrationDisabledException.class, () -> service.sendTest(USER));
        assertEquals(2, discord.calls().size(), "a disabled integration sends nothing");
        assertTrue(disabled.getMessage().contains("no longer exists"), disabled.getMessage());
    }

    @Test
    void aTestDiscordRefusesForAnotherReasonKeepsTheIntegration() {
        connected();
        discord.answer(0, null);
        DiscordFailureException unreachable = assertThrows(DiscordFailureException.class, () -> service.sendTest(USER));
        assertEquals("Discord could not be reached (null)", unreachable.getMessage());
        assertEquals("", unreachable.facts().get("discord_response"));
        discord.answer(429, "slow down");
        assertThrows(DiscordFailureException.class, () -> service.sendTest(USER));
        assertTrue(service.get(USER).enabled());
    }

    @Test
    void removingTwiceSaysThereIsNone() {
        connected();
        service.delete(USER);
        assertThrows(IntegrationNotFoundException.class, () -> service.delete(USER));
        assertThrows(IntegrationNotFoundException.class, () -> service.sendTest(USER));
    }

    @Test
    void togglesApplyOnTopAndNoChangesKeepThemAll() {
        Notifications some = new Notifications(true, false, true, false, true, false);
        assertEquals(some, some.with(null));
        assertEquals(new Notifications(false, true, false, true, false, true),
                some.with(new Notifications(false, true, false, true, false, true)));
        assertEquals(some, some.with(new Notifications(null, null, null, null, null, null)));
    }
}
