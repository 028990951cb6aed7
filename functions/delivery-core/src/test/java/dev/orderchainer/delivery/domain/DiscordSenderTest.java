package dev.orderchainer.delivery.domain;

import static dev.orderchainer.delivery.testing.OrderEventTestData.anEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderchainer.common.json.Json;
import dev.orderchainer.delivery.testing.InMemoryOutbox;
import dev.orderchainer.delivery.testing.OrderEventTestData;
import dev.orderchainer.discord.domain.DiscordLimits;
import dev.orderchainer.discord.domain.DiscordWebhooks.Answer;
import dev.orderchainer.discord.domain.Notifications;
import dev.orderchainer.discord.domain.Webhook;
import dev.orderchainer.discord.domain.WebhookEvent;
import dev.orderchainer.discord.domain.WebhookUrl;
import dev.orderchainer.discord.template.MessageTemplate;
import dev.orderchainer.discord.testing.InMemoryWebhookStore;
import dev.orderchainer.discord.testing.ScriptedDiscord;
import dev.orderchainer.local.MovableClock;
import dev.orderchainer.orders.domain.OrderStatus;
import dev.orderchainer.orders.events.OrderEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The sender's rules against the in-memory outbox and a scripted Discord: what is posted, when, and what a refusal does. */
class DiscordSenderTest {
    private static final String USER = "user-1";
    private static final WebhookAddress HOOK = new WebhookAddress(USER, "wh_000000000000000000000001");
    private static final Duration PACE = Duration.ofSeconds(1);
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T06:15:00Z"));
    private final InMemoryOutbox outbox = new InMemoryOutbox(clock);
    private final InMemoryWebhookStore integrations = new InMemoryWebhookStore();
    private final ScriptedDiscord discord = new ScriptedDiscord();
    private final List<Duration> pauses = new ArrayList<>();
    private final List<String> deadLettered = new ArrayList<>();
    private final AtomicLong positions = new AtomicLong(1000);
    private final DiscordSender sender = new DiscordSender(integrations, outbox, (event, answer) -> deadLettered.add(event.eventId()),
            discord, new ChangeMessages(new EmbedRenderer(() -> "https://app.example.com/orders/{id}"),
                    new TemplatedEmbedRenderer(() -> "https://app.example.com/orders/{id}")),
            new DigestRenderer(() -> "https://app.example.com/orders/{id}"), workspaceId -> "Personal", pause -> {
                pauses.add(pause);
                clock.advance(pause);
            }, clock, PACE);

    private void integration(Notifications toggles, boolean enabled) {
        integrations.seed(new Webhook(USER, HOOK.webhookId(), true, "Orders", new WebhookUrl("1100000000000000001", "token"), "Order bot",
                null, null, toggles.applyTo(EnumSet.noneOf(WebhookEvent.class)), null, null, enabled, null, clock.instant(), clock.instant()));
    }

    private List<OrderEvent> waiting(int count) {
        List<OrderEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(anEvent().user(USER).build());
        }
        add(events);
        return events;
    }

    private void add(List<OrderEvent> events) {
        outbox.add(HOOK, events.stream().map(e -> new Outbox.Entry(Long.toString(positions.incrementAndGet()), e)).toList());
    }

    /** Two changes whose embeds (4,000 characters of description each) cannot share a message. */
    private void twoChangesOfOneMessageEach() {
        add(List.of(anEvent().user(USER).description("d".repeat(4000)).build(), anEvent().user(USER).description("d".repeat(4000)).build()));
    }

    private static List<String> ids(List<OrderEvent> events) {
        return events.stream().map(OrderEvent::eventId).toList();
    }

    private DiscordSender.Result drain() {
        return sender.drain(HOOK, clock.instant().plusSeconds(50));
    }

    private List<JsonNode> posted() {
        return discord.posted().stream().map(DiscordSenderTest::parse).toList();
    }

    private static JsonNode parse(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer status(int status) {
        return new Answer(status, "{\"message\":\"scripted\"}", OptionalDouble.empty(), null, null);
    }

    @Test
    void aFewChangesGoAsRichEmbedsInOneMessageThatMentionsNoOne() {
        integration(Notifications.ALL, true);
        List<OrderEvent> events = waiting(3);
        assertEquals(DiscordSender.Result.DRAINED, drain());
        List<JsonNode> posted = posted();
        assertEquals(1, posted.size());
        assertEquals(3, posted.get(0).path("embeds").size());
        assertEquals("Order bot", posted.get(0).path("username").asText());
        assertEquals(0, posted.get(0).path("allowed_mentions").path("parse").size());
        assertEquals(ids(events), outbox.delivered());
        assertTrue(pauses.isEmpty(), "nothing waited after the last post: " + pauses);
    }

    @Test
    void aRichMessageCarriesALinkButtonToEachOrderAndADigestNone() {
        integration(Notifications.ALL, true);
        OrderEvent alone = anEvent().user(USER).title("Ship v2").build();
        add(List.of(alone));
        drain();
        JsonNode row = posted().get(0).path("components").path(0);
        assertEquals(1, row.path("type").asInt());
        JsonNode button = row.path("components").path(0);
        assertEquals(2, button.path("type").asInt());
        assertEquals(5, button.path("style").asInt());
        assertEquals("Open order", button.path("label").asText());
        assertEquals("https://app.example.com/orders/" + alone.orderId(), button.path("url").asText());

        List<OrderEvent> three = List.of(anEvent().user(USER).title("A").build(), anEvent().user(USER).type(OrderEvent.Type.DELETED).build(),
                anEvent().user(USER).title("C".repeat(100)).build());
        clock.advance(PACE);
        add(three);
        drain();
        JsonNode buttons = posted().get(1).path("components").path(0).path("components");
        assertEquals(2, buttons.size(), "a deleted order has no page to open: " + buttons);
        assertEquals("Open: A", buttons.path(0).path("label").asText());
        assertEquals("https://app.example.com/orders/" + three.get(0).orderId(), buttons.path(0).path("url").asText());
        assertEquals(("Open: " + "C".repeat(73)) + "…", buttons.path(1).path("label").asText());

        clock.advance(PACE);
        waiting(11);
        drain();
        assertTrue(posted().get(2).path("embeds").path(0).path("title").asText().startsWith("11 ×"));
        assertTrue(posted().get(2).path("components").isMissingNode(), "a digest's lines are its links");
    }

    @Test
    void tenChangesStillGoAsRichEmbedsAndElevenAsADigest() {
        integration(Notifications.ALL, true);
        waiting(10);
        drain();
        assertEquals(10, posted().get(0).path("embeds").size());
        assertTrue(posted().get(0).path("embeds").get(0).path("title").asText().startsWith("Order created:"));
        waiting(11);
        drain();
        JsonNode digest = posted().get(1);
        assertEquals("11 × Order created", digest.path("embeds").get(0).path("title").asText());
        assertEquals(21, outbox.delivered().size());
    }

    @Test
    void richEmbedsShareAMessageOnlyWithinDiscordsCharacterLimit() {
        integration(Notifications.ALL, true);
        List<OrderEvent> events = List.of(anEvent().user(USER).description("d".repeat(2500)).build(),
                anEvent().user(USER).description("d".repeat(2500)).build(), anEvent().user(USER).description("d".repeat(2500)).build());
        add(events);
        assertEquals(DiscordSender.Result.DRAINED, drain());
        assertEquals(List.of(2, 1), posted().stream().map(p -> p.path("embeds").size()).toList());
        assertEquals(List.of(PACE), pauses, "the second message waits the pace");
    }

    @Test
    void anEmptyBucketIsWaitedOutBeforeTheNextPost() {
        integration(Notifications.ALL, true);
        twoChangesOfOneMessageEach();
        discord.then(new Answer(200, "{}", OptionalDouble.empty(), 0, 2.5));
        drain();
        assertEquals(2, posted().size());
        assertEquals(List.of(Duration.ofMillis(2500)), pauses);
    }

    @Test
    void aBucketWithRoomLeftIsNotWaitedFor() {
        integration(Notifications.ALL, true);
        twoChangesOfOneMessageEach();
        discord.then(new Answer(200, "{}", OptionalDouble.empty(), 1, 2.5));
        drain();
        assertEquals(List.of(PACE), pauses);
    }

    @Test
    void aBacklogLargerThanOneMessageGoesWithoutThePaceButNeverIntoAnEmptyBucket() {
        integration(Notifications.ALL, true);
        for (int i = 0; i < 400; i++) {
            add(List.of(anEvent().user(USER).title("t".repeat(60)).build()));
        }
        discord.then(new Answer(200, "{}", OptionalDouble.empty(), 3, 2.0), new Answer(200, "{}", OptionalDouble.empty(), 0, 2.0));
        assertEquals(DiscordSender.Result.DRAINED, drain());
        assertEquals(400, outbox.delivered().size());
        assertEquals(Duration.ofSeconds(2), pauses.get(0), "the second post emptied the bucket: " + pauses);
        assertTrue(posted().size() >= 3);
    }

    @Test
    void a429WaitsDiscordsRetryAfterAndThenPosts() {
        integration(Notifications.ALL, true);
        List<OrderEvent> events = waiting(1);
        discord.then(new Answer(429, "{}", OptionalDouble.of(3.0), 0, 3.0));
        assertEquals(DiscordSender.Result.DRAINED, drain());
        assertEquals(List.of(Duration.ofSeconds(3)), pauses);
        assertEquals(2, posted().size());
        assertEquals(ids(events), outbox.delivered());
    }

    @Test
    void a429WithoutRetryAfterWaitsOneSecond() {
        integration(Notifications.ALL, true);
        waiting(1);
        discord.then(new Answer(429, "{}", OptionalDouble.empty(), null, null));
        drain();
        assertEquals(List.of(Duration.ofSeconds(1)), pauses);
    }

    @Test
    void serverErrorsAreRetriedTwiceWithBackoffThenLeftForALaterDrain() {
        integration(Notifications.ALL, true);
        waiting(2);
        discord.answer(503, "{}");
        assertEquals(DiscordSender.Result.RETRY_LATER, drain());
        assertEquals(3, posted().size());
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1000)), pauses);
        assertEquals(List.of(), outbox.delivered());
        assertEquals(2, outbox.waiting(HOOK, 10).size());
    }

    @Test
    void aTimeoutIsRetriedLikeAServerErrorAndARecoveryIsDelivered() {
        integration(Notifications.ALL, true);
        List<OrderEvent> events = waiting(1);
        discord.then(status(0), status(500));
        assertEquals(DiscordSender.Result.DRAINED, drain());
        assertEquals(3, posted().size());
        assertEquals(ids(events), outbox.delivered());
    }

    @Test
    void aRefusedChangeGoesToTheDeadLetterQueueAndTheRestGoOn() {
        integration(Notifications.ALL, true);
        List<OrderEvent> events = waiting(1);
        discord.then(status(400));
        assertEquals(DiscordSender.Result.DRAINED, drain());
        assertEquals(ids(events), deadLettered);
        assertEquals(ids(events), outbox.discarded());
    }

    @Test
    void aRefusedMessageIsPostedOneChangeAtATimeSoOnlyTheRefusedOneIsDropped() {
        integration(Notifications.ALL, true);
        List<OrderEvent> events = waiting(3);
        discord.then(status(400), status(200), status(400), status(200));
        assertEquals(DiscordSender.Result.DRAINED, drain());
        assertEquals(List.of(3, 1, 1, 1), posted().stream().map(p -> p.path("embeds").size()).toList());
        assertEquals(List.of(events.get(1).eventId()), deadLettered);
        assertEquals(List.of(events.get(0).eventId(), events.get(2).eventId()), outbox.delivered());
    }

    @Test
    void afterTheRefusedChangeIsFoundTheRestGoTogetherAgain() {
        integration(Notifications.ALL, true);
        waiting(2);
        discord.then(status(400), status(400));
        drain();
        waiting(3);
        drain();
        assertEquals(List.of(2, 1, 1, 3), posted().stream().map(p -> p.path("embeds").size()).toList());
    }

    @Test
    void aRefusedDigestIsPostedOneChangeAtATime() {
        integration(Notifications.ALL, true);
        waiting(12);
        discord.then(status(400));
        assertEquals(DiscordSender.Result.DRAINED, drain());
        List<JsonNode> posted = posted();
        assertEquals(13, posted.size());
        assertTrue(posted.subList(1, 13).stream().allMatch(p -> p.path("embeds").size() == 1));
        assertEquals(12, outbox.delivered().size());
    }

    @Test
    void aGoneWebhookDisablesTheIntegrationAndDropsWhatWaits() {
        for (int status : new int[] {401, 404}) {
            integration(Notifications.ALL, true);
            List<OrderEvent> events = waiting(2);
            discord.then(status(status));
            assertEquals(DiscordSender.Result.DRAINED, drain());
            Webhook disabled = integrations.get(USER, HOOK.webhookId()).orElseThrow();
            assertFalse(disabled.enabled());
            assertEquals("Discord answered " + status + ": the webhook no longer exists", disabled.disabledReason());
            assertTrue(outbox.discarded().containsAll(ids(events)));
        }
        assertEquals(2, posted().size());
    }

    @Test
    void withoutAnIntegrationOrWithADisabledOneNothingIsPostedAndWhatWaitsIsDropped() {
        List<OrderEvent> orphans = waiting(2);
        assertEquals(DiscordSender.Result.DRAINED, drain());
        integration(Notifications.ALL, false);
        List<OrderEvent> disabled = waiting(1);
        assertEquals(DiscordSender.Result.DRAINED, drain());
        assertEquals(List.of(), discord.calls());
        List<String> dropped = new ArrayList<>(ids(orphans));
        dropped.addAll(ids(disabled));
        assertEquals(dropped, outbox.discarded());
    }

    @Test
    void changesTheUserTurnedOffAreDroppedAndTheOthersPosted() {
        integration(new Notifications(false, true, true, true, true, true), true);
        OrderEvent created = anEvent().user(USER).build();
        OrderEvent completed = anEvent().user(USER).type(OrderEvent.Type.STATUS_CHANGED).from(OrderStatus.ACTIVE).to(OrderStatus.COMPLETED).build();
        add(List.of(created, completed));
        assertEquals(DiscordSender.Result.DRAINED, drain());
        assertEquals(List.of(created.eventId()), outbox.discarded());
        assertEquals(List.of(completed.eventId()), outbox.delivered());
    }

    @Test
    void anotherSendersLeaseMeansThisOnePostsNothing() {
        integration(Notifications.ALL, true);
        waiting(1);
        assertTrue(outbox.lease(HOOK, "another sender", clock.instant().plusSeconds(30)));
        assertEquals(DiscordSender.Result.HELD_ELSEWHERE, drain());
        assertEquals(List.of(), discord.calls());
        assertEquals(clock.instant().plusSeconds(30), outbox.leasedUntil(HOOK), "the other sender's lease is left alone");
    }

    @Test
    void theLeaseOutlivesTheDeadlineByItsMarginAndIsReleasedAfterTheDrain() {
        integration(Notifications.ALL, true);
        waiting(1);
        Instant deadline = clock.instant().plusSeconds(50);
        List<Instant> held = new ArrayList<>();
        outbox.beforeRelease(() -> held.add(outbox.leasedUntil(HOOK)));
        sender.drain(HOOK, deadline);
        assertEquals(List.of(deadline.plus(DiscordSender.LEASE_MARGIN)), held);
        assertNull(outbox.leasedUntil(HOOK));
    }

    @Test
    void aDeadlineBeforeTheNextPostLeavesTheRestForLater() {
        integration(Notifications.ALL, true);
        twoChangesOfOneMessageEach();
        assertEquals(DiscordSender.Result.MORE_LATER, sender.drain(HOOK, clock.instant().plusMillis(500)));
        assertEquals(1, posted().size());
        assertTrue(pauses.isEmpty(), "no pause past the deadline");
        assertEquals(1, outbox.waiting(HOOK, 10).size());
    }

    @Test
    void aDeadlineAlreadyPastPostsNothing() {
        integration(Notifications.ALL, true);
        waiting(1);
        assertEquals(DiscordSender.Result.MORE_LATER, sender.drain(HOOK, clock.instant().minusMillis(1)));
        assertEquals(List.of(), discord.calls());
    }

    @Test
    void aDrainThatEndsExactlyAtTheDeadlineStillPosts() {
        integration(Notifications.ALL, true);
        waiting(1);
        assertEquals(DiscordSender.Result.DRAINED, sender.drain(HOOK, clock.instant()));
        assertEquals(1, posted().size());
    }

    @Test
    void aChangeAddedWhileTheLeaseIsStillHeldIsLookedAtAgain() {
        integration(Notifications.ALL, true);
        waiting(1);
        outbox.beforeRelease(() -> add(List.of(anEvent().user(USER).build())));
        assertEquals(DiscordSender.Result.MORE_LATER, drain());
    }

    @Test
    void onceTheRefusedChangeIsFoundTheRestOfTheDrainGoesTogetherAgain() {
        integration(Notifications.ALL, true);
        for (int i = 0; i < 4; i++) {
            add(List.of(anEvent().user(USER).description("d".repeat(2500)).build()));
        }
        discord.then(status(400), status(400));
        assertEquals(DiscordSender.Result.DRAINED, drain());
        assertEquals(List.of(2, 1, 1, 2), posted().stream().map(p -> p.path("embeds").size()).toList());
    }

    /** Two changes whose embeds count {@code over} characters more than Discord's 6,000 together (0: exactly 6,000). */
    private void twoChangesOver(int over) {
        EmbedRenderer renderer = new EmbedRenderer(() -> "https://app.example.com/orders/{id}");
        OrderEvent first = anEvent().user(USER).title("A").description("d".repeat(3000)).build();
        int firstSize = DiscordLimits.countedCharacters(renderer.render(first));
        OrderEventTestData second = anEvent().user(USER).title("B");
        int rest = DiscordLimits.countedCharacters(renderer.render(second.description("x").build())) - 1;
        add(List.of(first, second.description("d".repeat(DiscordLimits.MESSAGE_CHARACTERS - firstSize - rest + over)).build()));
    }

    @Test
    void embedsOfExactlyDiscordsMessageLimitShareOneMessage() {
        integration(Notifications.ALL, true);
        twoChangesOver(0);
        drain();
        assertEquals(List.of(2), posted().stream().map(p -> p.path("embeds").size()).toList());
    }

    @Test
    void oneCharacterOverDiscordsMessageLimitMakesTwoMessages() {
        integration(Notifications.ALL, true);
        twoChangesOver(1);
        drain();
        assertEquals(List.of(1, 1), posted().stream().map(p -> p.path("embeds").size()).toList());
    }

    @Test
    void aWebhooksTemplateWordsItsEmbedsAndItsThreadGetsThePostsWithTheButton() {
        integrations.seed(new Webhook(USER, HOOK.webhookId(), true, "Orders", new WebhookUrl("1100000000000000001", "token"), null, null,
                "1187654321098765000", EnumSet.allOf(WebhookEvent.class), null,
                MessageTemplate.parse("{event}: {order.title} in {workspace}", null, "#{order.id}"), true, null, clock.instant(),
                clock.instant()));
        OrderEvent alone = anEvent().user(USER).title("Ship *v2*").build();
        add(List.of(alone));
        assertEquals(DiscordSender.Result.DRAINED, drain());
        JsonNode message = posted().get(0);
        assertEquals("created: Ship \\*v2\\* in Personal", message.path("embeds").path(0).path("title").asText());
        assertEquals("#" + alone.orderId(), message.path("embeds").path(0).path("footer").path("text").asText());
        assertEquals("Open order", message.path("components").path(0).path("components").path(0).path("label").asText());
        assertEquals("1187654321098765000", discord.calls().get(0).threadId());
    }

    @Test
    void changesAWebhookNoLongerWantsAreDroppedWhenItsFilterChangedMeanwhile() {
        integration(Notifications.ALL, true);
        OrderEvent adas = anEvent().user(USER).assignee("u_ada").build();
        OrderEvent graces = anEvent().user(USER).assignee("u_grace").build();
        add(List.of(adas, graces));
        Webhook all = integrations.get(USER, HOOK.webhookId()).orElseThrow();
        integrations.seed(new Webhook(USER, all.id(), true, all.name(), all.url(), null, null, null, all.events(), "u_ada", null, true, null,
                all.createdAt(), all.updatedAt()));
        assertEquals(DiscordSender.Result.DRAINED, drain());
        assertEquals(List.of(graces.eventId()), outbox.discarded());
        assertEquals(List.of(adas.eventId()), outbox.delivered());
    }
}
