package dev.orderchainer.discord.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.common.domain.ChangedBy;
import dev.orderchainer.common.table.TableKeys;
import dev.orderchainer.discord.domain.Webhook;
import dev.orderchainer.discord.domain.WebhookEvent;
import dev.orderchainer.discord.domain.WebhookIds;
import dev.orderchainer.discord.domain.WebhookUrl;
import dev.orderchainer.discord.domain.WebhooksChangedException;
import dev.orderchainer.discord.template.MessageTemplate;
import dev.orderchainer.local.LocalServices;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The webhook items on DynamoDB Local: the first's own key, the others', the count that keeps the limit, items of before. */
class DynamoDbWebhookStoreTest {
    private static final LocalServices LOCAL = LocalServices.shared();
    private final DynamoDbWebhookStore store = new DynamoDbWebhookStore(LOCAL.dynamoDb(), "AppTable");
    private final String workspace = UUID.randomUUID().toString();
    private final Instant now = Instant.parse("2026-12-06T10:00:00Z");

    private Webhook webhook(String name, boolean first, int minutes) {
        Instant at = now.plusSeconds(60L * minutes);
        return new Webhook(workspace, WebhookIds.next(), first, name, new WebhookUrl("1187654321098765432", "token-" + name), null, null,
                null, EnumSet.of(WebhookEvent.COMPLETED), null, null, true, null, at, at);
    }

    private Webhook added(String name, boolean first, int minutes) {
        Webhook webhook = webhook(name, first, minutes);
        store.add(webhook, store.list(workspace), "user-1");
        return webhook;
    }

    @Test
    void anItemOfBeforeWebhooksHadIdsReadsAsTheOriginalFirstWebhookWithItsToggles() {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.discordFirstWebhook(workspace));
        item.put("webhook_id", AttributeValue.fromS("1187654321098765432"));
        item.put("webhook_token", AttributeValue.fromS("secret"));
        item.put("notifications", AttributeValue.fromM(Map.of("order_updated", AttributeValue.fromBool(false),
                "order_created", AttributeValue.fromBool(true))));
        item.put("enabled", AttributeValue.fromBool(true));
        item.put("created_at", AttributeValue.fromS(now.toString()));
        item.put("updated_at", AttributeValue.fromS(now.toString()));
        LOCAL.dynamoDb().putItem(r -> r.tableName("AppTable").item(item));
        Webhook original = store.get(workspace, TableKeys.ORIGINAL_WEBHOOK_ID).orElseThrow();
        assertTrue(original.first());
        assertEquals("Discord", original.name());
        assertEquals(EnumSet.of(WebhookEvent.CREATED, WebhookEvent.COMPLETED, WebhookEvent.FAILED, WebhookEvent.READY, WebhookEvent.BLOCKED),
                original.events(), "toggles stored before some existed are on; updated off drops edits, starts and deletions");
        assertEquals(List.of(original), store.list(workspace));
        Webhook renamed = new Webhook(workspace, original.id(), true, "Renamed", original.url(), null, null, null, original.events(), null,
                null, true, null, original.createdAt(), now.plusSeconds(5));
        store.put(renamed, "user-1");
        assertEquals(renamed, store.get(workspace, TableKeys.ORIGINAL_WEBHOOK_ID).orElseThrow(), "its id stays when written");
    }

    @Test
    void everySettingRoundTripsAndTheListIsTheFirstThenByAge() {
        Webhook first = added("first", true, 0);
        Webhook later = webhook("later", false, 2);
        Webhook full = new Webhook(workspace, WebhookIds.next(), false, "full", new WebhookUrl("1187654321098765999", "tok"), "Bot",
                "https://cdn.example.com/a.png", "1187654321098765000", EnumSet.of(WebhookEvent.READY, WebhookEvent.BLOCKED), "user-7",
                MessageTemplate.parse("{order.title}", null, "by {actor}"), true, null, now.plusSeconds(60), now.plusSeconds(60));
        store.add(later, store.list(workspace), "user-1");
        store.add(full, store.list(workspace), "user-1");
        Webhook read = store.get(workspace, full.id()).orElseThrow();
        assertEquals("{order.title}", read.template().titleSource());
        assertEquals("by {actor}", read.template().footerSource());
        assertEquals(List.of(first.id(), full.id(), later.id()), store.list(workspace).stream().map(Webhook::id).toList());
        assertEquals(first, store.get(workspace, first.id()).orElseThrow());
        assertTrue(store.get(workspace, "wh_" + "0".repeat(24)).isEmpty());
        assertTrue(store.get(workspace, "DISCORD_WEBHOOKS").isEmpty(), "only webhook ids become keys");
    }

    @Test
    void anAddThatDidNotSeeTheLatestIsRefusedSoTheLimitHolds() {
        added("first", true, 0);
        List<Webhook> seen = store.list(workspace);
        added("second", false, 1);
        assertThrows(WebhooksChangedException.class, () -> store.add(webhook("racing", false, 2), seen, "user-1"));
        List<Webhook> none = List.of();
        assertThrows(WebhooksChangedException.class, () -> store.add(webhook("another first", true, 3), none, "user-1"));
        assertEquals(2, store.list(workspace).size());
    }

    @Test
    void removingOneFreesItsPlaceAndRemovesOnlyIt() {
        Webhook first = added("first", true, 0);
        Webhook second = added("second", false, 1);
        Webhook third = added("third", false, 2);
        assertTrue(store.delete(second, new ChangedBy("user-1", now)));
        assertFalse(store.delete(second, new ChangedBy("user-1", now)));
        added("fourth", false, 3);
        assertTrue(store.delete(first, new ChangedBy("user-1", now)));
        assertEquals(List.of(third.id()), store.list(workspace).stream().map(Webhook::id).limit(1).toList());
        assertEquals(2, store.list(workspace).size());
    }

    @Test
    void disablingKeepsWhyAndAChangeToARemovedWebhookIsRefused() {
        Webhook second;
        added("first", true, 0);
        second = added("second", false, 1);
        store.disable(second, "gone");
        Webhook disabled = store.get(workspace, second.id()).orElseThrow();
        assertFalse(disabled.enabled());
        assertEquals("gone", disabled.disabledReason());
        store.delete(second, new ChangedBy("user-1", now));
        store.disable(second, "again");
        assertThrows(RuntimeException.class, () -> store.put(second, "user-1"));
        assertTrue(store.get(workspace, second.id()).isEmpty(), "nothing comes back");
    }
}
