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
import dev.orderchainer.discord.template.InvalidTemplateException;
import dev.orderchainer.discord.testing.InMemoryWebhookStore;
import dev.orderchainer.discord.testing.ScriptedDiscord;
import dev.orderchainer.orders.domain.Assignees;
import dev.orderchainer.workspaces.domain.Access;
import dev.orderchainer.workspaces.domain.Role;
import dev.orderchainer.workspaces.domain.RoleTooSmallException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The webhook rules over an in-memory store and a scripted Discord: what is checked, kept, refused and sent. */
class WebhookServiceTest {
    private static final String USER = "user-1";
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String HOOK = "https://discord.com/api/webhooks/1187654321098765432/Xy3kP9mQ2vL8nR4tW6zA1bC5dE7fG0hJ2kM4";
    private static final String OTHER_HOOK = "https://discord.com/api/webhooks/1187654321098765999/Ab3kP9mQ2vL8nR4tW6zA1bC5dE7fG0hJ2kWXYZ";
    private final InMemoryWebhookStore store = new InMemoryWebhookStore();
    private final ScriptedDiscord discord = new ScriptedDiscord();
    private final Set<String> verified = new HashSet<>(Set.of(USER));
    private static final Access ME = Access.personal(USER);
    private final AtomicInteger nextId = new AtomicInteger();
    private final WebhookService service = new WebhookService(store, verified::contains, discord, Assignees.PERSONAL_ONLY,
            () -> String.format("wh_%024x", nextId.incrementAndGet()), Clock.fixed(NOW, ZoneOffset.UTC));

    private static WebhookRequest create(String webhook) {
        return WebhookRequest.of(webhook, null, null, null);
    }

    private void removeAll() {
        store.list(USER).forEach(w -> store.delete(w, new ChangedBy(USER, Instant.EPOCH)));
    }

    private WebhookView connected() {
        return service.createFirst(ME, WebhookRequest.of(HOOK, "Orders", "https://cdn.example.com/a.png",
                new Notifications(null, false, null, null, null, null)));
    }

    @Test
    void anIntegrationIsCreatedOnceDiscordConfirmsTheWebhookAndShowsTheTokenMasked() {
        WebhookView view = connected();
        assertEquals("https://discord.com/api/webhooks/1187654321098765432/****2kM4", view.webhookUrl());
        assertEquals("1187654321098765432", view.webhookId());
        assertEquals("Orders", view.username());
        assertEquals("https://cdn.example.com/a.png", view.avatarUrl());
        assertEquals(new Notifications(true, false, true, true, true, true), view.notifications(), "absent toggles are on");
        assertTrue(view.enabled());
        assertNull(view.disabledReason());
        assertEquals(NOW.toString(), view.createdAt());
        assertEquals(List.of("GET"), discord.calls().stream().map(ScriptedDiscord.Call::method).toList());
        assertEquals(view, service.get(ME, null));
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
        WebhookNotFoundException gone = assertThrows(WebhookNotFoundException.class, () -> service.createFirst(ME, create(HOOK)));
        assertEquals("Discord says this webhook does not exist (status 404)", gone.getMessage());
        assertThrows(IntegrationNotFoundException.class, () -> service.get(ME, null));
        discord.answer(401, "{}");
        assertThrows(WebhookNotFoundException.class, () -> service.createFirst(ME, create(HOOK)));
    }

    @Test
    void discordUnreachableOrFailingWhileCheckingIsAnUpstreamFailure() {
        discord.answer(0, "timeout");
        DiscordFailureException unreachable = assertThrows(DiscordFailureException.class, () -> service.createFirst(ME, create(HOOK)));
        assertEquals("Discord could not be reached to check the webhook", unreachable.getMessage());
        discord.answer(503, "busy");
        DiscordFailureException failing = assertThrows(DiscordFailureException.class, () -> service.createFirst(ME, create(HOOK)));
        assertEquals("Discord answered 503 when checking the webhook; try again", failing.getMessage());
        assertEquals(503, failing.facts().get("discord_status"));
        discord.answer(204, "");
        assertTrue(service.createFirst(ME, create(HOOK)).enabled(), "any 2xx confirms");
    }

    @ParameterizedTest
    @ValueSource(strings = {"My Discord bot", "clyde", "ClYdE helper", "DISCORD"})
    void aUsernameDiscordRefusesIsRefusedFirst(String username) {
        assertThrows(InvalidInputException.class, () -> service.createFirst(ME, WebhookRequest.of(HOOK, username, null, null)));
        assertTrue(discord.calls().isEmpty());
    }

    @Test
    void aUsernameIsOneLineOfAtMost80Characters() {
        assertEquals("x".repeat(80), service.createFirst(ME, WebhookRequest.of(HOOK, " " + "x".repeat(80) + " ", null, null))
                .username());
        removeAll();
        assertThrows(InvalidInputException.class, () -> service.createFirst(ME, WebhookRequest.of(HOOK, "x".repeat(81), null, null)));
        assertThrows(InvalidInputException.class, () -> service.createFirst(ME, WebhookRequest.of(HOOK, "a\nb", null, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://cdn.example.com/a.png", "https:///a.png", "https://user@cdn.example.com/a.png", "not a url",
        "ftp://cdn.example.com/a.png"})
    void anAvatarIsAnHttpsUrlWithAHostAndNoUserInfo(String avatar) {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> service.createFirst(ME, WebhookRequest.of(HOOK, null, avatar, null)));
        assertEquals("Field 'avatar_url' must be an https URL", refused.getMessage());
    }

    @Test
    void anAvatarUpTo2048CharactersIsKept() {
        String base = "https://cdn.example.com/";
        String longest = base + "a".repeat(2048 - base.length());
        assertEquals(longest, service.createFirst(ME, WebhookRequest.of(HOOK, null, longest, null)).avatarUrl());
        removeAll();
        assertThrows(InvalidInputException.class, () -> service.createFirst(ME, WebhookRequest.of(HOOK, null, longest + "a", null)));
    }

    @Test
    void anUpdateKeepsWhatItDoesNotNameAndChecksOnlyANewWebhook() {
        connected();
        WebhookView renamed = service.update(ME, null, WebhookRequest.of(null, "Renamed", null,
                new Notifications(null, null, false, null, null, null)));
        assertEquals("Renamed", renamed.username());
        assertEquals("https://cdn.example.com/a.png", renamed.avatarUrl());
        assertEquals(new Notifications(true, false, false, true, true, true), renamed.notifications());
        assertEquals(1, discord.calls().size(), "no new webhook, no check");
        service.update(ME, null, WebhookRequest.of(HOOK, null, null, null));
        assertEquals(1, discord.calls().size(), "the same enabled webhook again is not checked");
        WebhookView moved = service.update(ME, null, WebhookRequest.of(OTHER_HOOK, null, "https://cdn.example.com/b.png", null));
        assertEquals("1187654321098765999", moved.webhookId());
        assertEquals("https://cdn.example.com/b.png", moved.avatarUrl());
        assertEquals(2, discord.calls().size());
        discord.answer(404, "{}");
        assertThrows(WebhookNotFoundException.class, () -> service.update(ME, null, WebhookRequest.of(HOOK, null, null, null)));
        assertEquals("1187654321098765999", service.get(ME, null).webhookId(), "a refused webhook is not stored");
        assertThrows(InvalidInputException.class, () -> service.update(ME, null, WebhookRequest.of(null, "discord", null, null)));
    }

    @Test
    void aDisabledIntegrationStaysDisabledUntilItsWebhookIsConfirmedAgain() {
        connected();
        store.disable(store.list(USER).get(0), "gone");
        WebhookView renamed = service.update(ME, null, WebhookRequest.of(null, "Renamed", null, null));
        assertFalse(renamed.enabled());
        assertEquals("gone", renamed.disabledReason());
        WebhookView again = service.update(ME, null, WebhookRequest.of(HOOK, null, null, null));
        assertTrue(again.enabled(), "the same webhook given again is checked and, confirmed, works again");
        assertNull(again.disabledReason());
        assertEquals("Renamed", again.username());
        assertEquals(2, discord.calls().size());
    }

    @Test
    void aTestMessageIsAnEmbedWithOurNameAndNoMentions() throws Exception {
        connected();
        service.sendTest(ME, null);
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
        service.createFirst(ME, create(HOOK));
        service.sendTest(ME, null);
        JsonNode message = Json.mapper().readTree(discord.calls().get(1).body());
        assertFalse(message.has("username"));
        assertFalse(message.has("avatar_url"));
    }

    @Test
    void aTestToAGoneWebhookDisablesTheIntegrationAndSaysWhy() {
        connected();
        discord.answer(404, "{\"message\": \"Unknown Webhook\"}");
        DiscordFailureException refused = assertThrows(DiscordFailureException.class, () -> service.sendTest(ME, null));
        assertEquals("Discord refused the test message with status 404", refused.getMessage());
        assertEquals(404, refused.facts().get("discord_status"));
        assertEquals("{\"message\": \"Unknown Webhook\"}", refused.facts().get("discord_response"));
        WebhookView view = service.get(ME, null);
        assertFalse(view.enabled());
        assertEquals("Discord answered 404: the webhook no longer exists", view.disabledReason());
        IntegrationDisabledException disabled = assertThrows(IntegrationDisabledException.class, () -> service.sendTest(ME, null));
        assertEquals(2, discord.calls().size(), "a disabled integration sends nothing");
        assertTrue(disabled.getMessage().contains("no longer exists"), disabled.getMessage());
    }

    @Test
    void aTestDiscordRefusesForAnotherReasonKeepsTheIntegration() {
        connected();
        discord.answer(0, null);
        DiscordFailureException unreachable = assertThrows(DiscordFailureException.class, () -> service.sendTest(ME, null));
        assertEquals("Discord could not be reached (null)", unreachable.getMessage());
        assertEquals("", unreachable.facts().get("discord_response"));
        discord.answer(429, "slow down");
        assertThrows(DiscordFailureException.class, () -> service.sendTest(ME, null));
        assertTrue(service.get(ME, null).enabled());
    }

    @Test
    void removingTwiceSaysThereIsNone() {
        connected();
        service.delete(ME, null);
        assertThrows(IntegrationNotFoundException.class, () -> service.delete(ME, null));
        assertThrows(IntegrationNotFoundException.class, () -> service.sendTest(ME, null));
    }

    @Test
    void togglesAddAndRemoveTheirKindsAndUpdatedStandsForEditsStartsAndDeletions() {
        Set<WebhookEvent> all = EnumSet.allOf(WebhookEvent.class);
        assertEquals(all, new Notifications(null, null, null, null, null, null).applyTo(all));
        assertEquals(EnumSet.of(WebhookEvent.CREATED, WebhookEvent.COMPLETED, WebhookEvent.FAILED, WebhookEvent.READY, WebhookEvent.BLOCKED),
                new Notifications(null, false, null, null, null, null).applyTo(all));
        assertEquals(EnumSet.of(WebhookEvent.UPDATED, WebhookEvent.STARTED, WebhookEvent.DELETED),
                new Notifications(null, true, null, null, null, null).applyTo(EnumSet.noneOf(WebhookEvent.class)));
        assertEquals(new Notifications(false, true, true, false, false, true),
                Notifications.of(EnumSet.of(WebhookEvent.UPDATED, WebhookEvent.COMPLETED, WebhookEvent.BLOCKED)));
    }

    private static WebhookRequest named(String name, String url, List<String> events) {
        return new WebhookRequest(name, url, null, null, null, events, null, null, null);
    }

    @Test
    void aWorkspaceHasUpToTenWebhooksTheFirstAddressedByTheOldApi() {
        WebhookView first = service.create(ME, named("Releases", HOOK, List.of("completed", "failed")));
        assertEquals(List.of("completed", "failed"), first.events());
        assertEquals(new Notifications(false, false, true, true, false, false), first.notifications());
        for (int i = 2; i <= Webhook.MAX_PER_WORKSPACE; i++) {
            service.create(ME, named("Hook " + i, OTHER_HOOK, null));
        }
        assertEquals(Webhook.MAX_PER_WORKSPACE, service.list(ME).size());
        assertThrows(TooManyWebhooksException.class, () -> service.create(ME, named("Eleventh", OTHER_HOOK, null)));
        assertThrows(IntegrationExistsException.class, () -> service.createFirst(ME, create(HOOK)));
        assertEquals(first, service.get(ME, null), "the old API's webhook is the first");
        assertEquals(List.of(true, false), store.list(USER).stream().limit(2).map(Webhook::first).toList());
        assertEquals("Releases", service.list(ME).get(0).name());
        assertEquals(List.of("created", "updated", "started", "completed", "failed", "ready", "blocked", "deleted"),
                service.list(ME).get(1).events(), "no filter: every kind");
    }

    @Test
    void withTheFirstRemovedTheOldApiAddressesTheOldestLeft() {
        service.create(ME, named("One", HOOK, null));
        WebhookView second = service.create(ME, named("Two", OTHER_HOOK, null));
        service.create(ME, named("Three", OTHER_HOOK, null));
        service.delete(ME, null);
        assertEquals(second.id(), service.get(ME, null).id());
        assertEquals(2, service.list(ME).size());
        assertThrows(IntegrationNotFoundException.class, () -> service.get(ME, "wh_000000000000000000000999"));
        assertThrows(IntegrationNotFoundException.class, () -> service.delete(ME, "wh_000000000000000000000999"));
    }

    @Test
    void aNameIsOneLineAndDefaultsToTheNameDiscordKnowsTheWebhookBy() {
        discord.answer(200, "{\"name\": \"  Captain\\n Hook \", \"channel_id\": \"1\"}");
        assertEquals("Captain Hook", service.create(ME, create(HOOK)).name());
        discord.answer(200, "{}");
        assertEquals("Discord", service.create(ME, create(HOOK)).name());
        assertThrows(InvalidInputException.class, () -> service.create(ME, named("a\nb", HOOK, null)));
        assertThrows(InvalidInputException.class, () -> service.create(ME, named("x".repeat(81), HOOK, null)));
    }

    @Test
    void anEventFilterNamesKnownKindsAndNeverNone() {
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> service.create(ME, named("x", HOOK, List.of("completed", "exploded"))));
        assertTrue(unknown.getMessage().contains("'exploded'"), unknown.getMessage());
        assertThrows(InvalidInputException.class, () -> service.create(ME, named("x", HOOK, List.of())));
        WebhookView hook = service.create(ME, named("x", HOOK, null));
        InvalidInputException none = assertThrows(InvalidInputException.class, () -> service.update(ME, hook.id(),
                WebhookRequest.of(null, null, null, new Notifications(false, false, false, false, false, false))));
        assertTrue(none.getMessage().contains("at least one event"), none.getMessage());
        assertThrows(InvalidInputException.class, () -> service.update(ME, hook.id(), new WebhookRequest(null, null, null, null, null,
                List.of("created"), null, null, new Notifications(true, null, null, null, null, null))));
        assertEquals(8, service.get(ME, hook.id()).events().size(), "a refused change changes nothing");
        assertTrue(discord.calls().stream().allMatch(c -> c.method().equals("GET")));
    }

    @Test
    void anAssigneeIsAMemberAndAThreadASnowflakeEachClearedWithAnEmptyString() {
        assertThrows(InvalidInputException.class, () -> service.create(ME,
                new WebhookRequest("x", HOOK, null, null, null, null, "someone-else", null, null)));
        assertThrows(InvalidInputException.class, () -> service.create(ME,
                new WebhookRequest("x", HOOK, null, null, "general", null, null, null, null)));
        WebhookView mine = service.create(ME, new WebhookRequest("x", HOOK, null, null, "1187654321098765000", null, USER, null, null));
        assertEquals(USER, mine.assignee());
        assertEquals("1187654321098765000", mine.threadId());
        WebhookView cleared = service.update(ME, mine.id(), new WebhookRequest(null, null, null, null, "", null, "", null, null));
        assertNull(cleared.assignee());
        assertNull(cleared.threadId());
        assertEquals("x", cleared.name());
    }

    @Test
    void aTemplateIsCheckedWhenSavedKeptAsWrittenAndRemovedWhenEmpty() {
        WebhookView hook = service.create(ME, named("x", HOOK, null));
        InvalidTemplateException unknown = assertThrows(InvalidTemplateException.class, () -> service.update(ME, hook.id(),
                new WebhookRequest(null, null, null, null, null, null, null, new WebhookRequest.Template("{order.titel}", null, null), null)));
        assertTrue(unknown.getMessage().contains("order.titel"), unknown.getMessage());
        assertNull(service.get(ME, hook.id()).template());
        WebhookRequest.Template template = new WebhookRequest.Template("{order.title} is {order.status}", "By {actor}", null);
        WebhookView templated = service.update(ME, hook.id(), new WebhookRequest(null, null, null, null, null, null, null, template, null));
        assertEquals(template, templated.template());
        assertEquals(template, service.update(ME, hook.id(), WebhookRequest.of(null, "Bot", null, null)).template(), "kept when not named");
        WebhookView plain = service.update(ME, hook.id(), new WebhookRequest(null, null, null, null, null, null, null,
                new WebhookRequest.Template("", null, null), null));
        assertNull(plain.template());
    }

    @Test
    void aTestPostsIntoTheWebhooksThreadAndAViewerMayReadButNotChange() {
        WebhookView hook = service.create(ME, new WebhookRequest("x", HOOK, null, null, "1187654321098765000", null, null, null, null));
        service.sendTest(ME, hook.id());
        assertEquals("1187654321098765000", discord.calls().get(1).threadId());
        Access viewer = new Access(USER, "viewer-1", Role.VIEWER);
        assertEquals(1, service.list(viewer).size());
        assertEquals(hook, service.get(viewer, hook.id()));
        assertThrows(RoleTooSmallException.class, () -> service.update(viewer, hook.id(), WebhookRequest.of(null, "Bot", null, null)));
        assertThrows(RoleTooSmallException.class, () -> service.delete(viewer, hook.id()));
        assertThrows(RoleTooSmallException.class, () -> service.sendTest(viewer, hook.id()));
        assertThrows(RoleTooSmallException.class, () -> service.create(viewer, named("y", HOOK, null)));
    }
}
