package dev.orderchainer.discord.store;

import dev.orderchainer.common.domain.ChangedBy;
import dev.orderchainer.common.table.ChangeStamps;
import dev.orderchainer.common.table.ConsistentBatchGet;
import dev.orderchainer.common.table.TableKeys;
import dev.orderchainer.discord.domain.IntegrationNotFoundException;
import dev.orderchainer.discord.domain.Notifications;
import dev.orderchainer.discord.domain.Webhook;
import dev.orderchainer.discord.domain.WebhookEvent;
import dev.orderchainer.discord.domain.WebhookIds;
import dev.orderchainer.discord.domain.WebhookStore;
import dev.orderchainer.discord.domain.WebhookUrl;
import dev.orderchainer.discord.domain.WebhooksChangedException;
import dev.orderchainer.discord.template.MessageTemplate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A workspace's webhooks in its partition: the first at DISCORD (where the one webhook of before lives on, its id
 * {@link TableKeys#ORIGINAL_WEBHOOK_ID} until written again), the others at DISCORD#{id}, and DISCORD_WEBHOOKS counting
 * the others, so an add's condition keeps the limit under concurrent adds. Items written before webhooks had names,
 * filters by kind and templates read as the first webhook named "Discord" with their six toggles as its filter.
 */
public final class DynamoDbWebhookStore implements WebhookStore {
    private static final String COUNT = "webhooks";
    /** The item is still this webhook's (at the first's key, another may have come since). */
    private static final Map<String, String> ID_NAME = Map.of("#id", "id");
    private static final String SAME_WEBHOOK = "attribute_exists(pk) AND (#id = :id OR attribute_not_exists(#id))";
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbWebhookStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public List<Webhook> list(String workspaceId) {
        List<Webhook> webhooks = new ArrayList<>();
        var response = dynamoDb.query(r -> r.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableKeys.workspacePartition(workspaceId)),
                        ":from", AttributeValue.fromS(TableKeys.DISCORD_WEBHOOKS_FROM), ":to", AttributeValue.fromS(TableKeys.DISCORD_WEBHOOKS_TO))));
        response.items().forEach(item -> decode(workspaceId, item).ifPresent(webhooks::add));
        webhooks.sort(Comparator.comparing((Webhook w) -> !w.first()).thenComparing(Webhook::createdAt).thenComparing(Webhook::id));
        return webhooks;
    }

    @Override
    public Optional<Webhook> get(String workspaceId, String webhookId) {
        if (!WebhookIds.isWebhookId(webhookId)) {
            return Optional.empty();
        }
        ConsistentBatchGet.FoundItems found = ConsistentBatchGet.together(dynamoDb, table, keys(workspaceId, webhookId));
        return find(workspaceId, webhookId, found);
    }

    @Override
    public Optional<Webhook> first(String workspaceId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).key(TableKeys.discordFirstWebhook(workspaceId))
                .consistentRead(true)).item();
        Optional<Webhook> first = decode(workspaceId, item);
        return first.isPresent() ? first : list(workspaceId).stream().findFirst();
    }

    /** The keys where webhook {@code webhookId} may be: the first's, and its own unless it is the original. */
    public static List<Map<String, AttributeValue>> keys(String workspaceId, String webhookId) {
        return TableKeys.ORIGINAL_WEBHOOK_ID.equals(webhookId) ? List.of(TableKeys.discordFirstWebhook(workspaceId))
                : List.of(TableKeys.discordFirstWebhook(workspaceId), TableKeys.discordWebhook(workspaceId, webhookId));
    }

    /** Webhook {@code webhookId} among items read at its {@link #keys}. */
    public static Optional<Webhook> find(String workspaceId, String webhookId, ConsistentBatchGet.FoundItems found) {
        return keys(workspaceId, webhookId).stream().map(found::item).map(item -> decode(workspaceId, item))
                .flatMap(Optional::stream).filter(w -> w.id().equals(webhookId)).findFirst();
    }

    /** A webhook item (or null: none) as read together with other items. */
    public static Optional<Webhook> decode(String workspaceId, Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        boolean first = item.get(TableKeys.SK).s().equals(TableKeys.discordFirstWebhook(workspaceId).get(TableKeys.SK).s());
        String id = text(item, "id");
        return Optional.of(new Webhook(workspaceId, id == null ? TableKeys.ORIGINAL_WEBHOOK_ID : id, first,
                Optional.ofNullable(text(item, "name")).orElse("Discord"),
                new WebhookUrl(item.get("webhook_id").s(), item.get("webhook_token").s()),
                text(item, "username"), text(item, "avatar_url"), text(item, "thread_id"), events(item), text(item, "assignee"),
                template(item), item.get("enabled").bool(), text(item, "disabled_reason"),
                Instant.parse(item.get("created_at").s()), Instant.parse(item.get("updated_at").s())));
    }

    private static Set<WebhookEvent> events(Map<String, AttributeValue> item) {
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        if (item.containsKey("events")) {
            item.get("events").l().forEach(e -> WebhookEvent.of(e.s()).ifPresent(events::add));
            return events;
        }
        Map<String, AttributeValue> toggles = item.get("notifications").m();
        return new Notifications(toggle(toggles, "order_created"), toggle(toggles, "order_updated"), toggle(toggles, "order_completed"),
                toggle(toggles, "order_failed"), toggle(toggles, "order_ready"), toggle(toggles, "order_blocked")).applyTo(events);
    }

    /** Toggles added later are on for items stored before them. */
    private static boolean toggle(Map<String, AttributeValue> toggles, String name) {
        AttributeValue value = toggles.get(name);
        return value == null || !Boolean.FALSE.equals(value.bool());
    }

    private static MessageTemplate template(Map<String, AttributeValue> item) {
        AttributeValue template = item.get("template");
        if (template == null) {
            return null;
        }
        Map<String, AttributeValue> parts = template.m();
        return MessageTemplate.parse(text(parts, "title"), text(parts, "description"), text(parts, "footer"));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static Map<String, AttributeValue> key(Webhook webhook) {
        return webhook.first() ? TableKeys.discordFirstWebhook(webhook.workspaceId()) : TableKeys.discordWebhook(webhook.workspaceId(), webhook.id());
    }

    private static Map<String, AttributeValue> item(Webhook webhook, String changedBy) {
        Map<String, AttributeValue> item = new HashMap<>(key(webhook));
        item.put("entity", AttributeValue.fromS("discord_webhook"));
        item.put("id", AttributeValue.fromS(webhook.id()));
        item.put("name", AttributeValue.fromS(webhook.name()));
        item.put("webhook_id", AttributeValue.fromS(webhook.url().id()));
        item.put("webhook_token", AttributeValue.fromS(webhook.url().token()));
        putIfAny(item, "username", webhook.username());
        putIfAny(item, "avatar_url", webhook.avatarUrl());
        putIfAny(item, "thread_id", webhook.threadId());
        putIfAny(item, "assignee", webhook.assignee());
        item.put("events", AttributeValue.fromL(EnumSet.copyOf(webhook.events()).stream().map(e -> AttributeValue.fromS(e.wire())).toList()));
        MessageTemplate template = webhook.template();
        if (template != null) {
            Map<String, AttributeValue> parts = new HashMap<>();
            putIfAny(parts, "title", template.titleSource());
            putIfAny(parts, "description", template.descriptionSource());
            putIfAny(parts, "footer", template.footerSource());
            item.put("template", AttributeValue.fromM(parts));
        }
        item.put("enabled", AttributeValue.fromBool(webhook.enabled()));
        putIfAny(item, "disabled_reason", webhook.disabledReason());
        item.put("created_at", AttributeValue.fromS(webhook.createdAt().toString()));
        item.put("updated_at", AttributeValue.fromS(webhook.updatedAt().toString()));
        if (changedBy != null) {
            ChangeStamps.put(item, new ChangedBy(changedBy, webhook.updatedAt()));
        }
        return item;
    }

    private static void putIfAny(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    @Override
    public void add(Webhook webhook, List<Webhook> seen, String changedBy) {
        Map<String, AttributeValue> item = item(webhook, changedBy);
        if (webhook.first()) {
            try {
                dynamoDb.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            } catch (ConditionalCheckFailedException another) {
                throw new WebhooksChangedException();
            }
            return;
        }
        long others = seen.stream().filter(w -> !w.first()).count();
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)")).build(),
                    TransactWriteItem.builder().update(u -> u.tableName(table).key(TableKeys.discordWebhookCount(webhook.workspaceId()))
                            .updateExpression("SET #n = :next")
                            .conditionExpression(others == 0 ? "attribute_not_exists(#n) OR #n = :seen" : "#n = :seen")
                            .expressionAttributeNames(Map.of("#n", COUNT))
                            .expressionAttributeValues(Map.of(":seen", AttributeValue.fromN(Long.toString(others)),
                                    ":next", AttributeValue.fromN(Long.toString(others + 1))))).build()));
        } catch (TransactionCanceledException cancelled) {
            if (cancelled.hasCancellationReasons()
                    && cancelled.cancellationReasons().stream().anyMatch(c -> "ConditionalCheckFailed".equals(c.code()))) {
                throw new WebhooksChangedException();
            }
            throw cancelled;
        }
    }

    @Override
    public void put(Webhook webhook, String changedBy) {
        try {
            dynamoDb.putItem(r -> r.tableName(table).item(item(webhook, changedBy)).conditionExpression(SAME_WEBHOOK)
                    .expressionAttributeNames(ID_NAME).expressionAttributeValues(Map.of(":id", AttributeValue.fromS(webhook.id()))));
        } catch (ConditionalCheckFailedException removedMeanwhile) {
            throw new IntegrationNotFoundException("The Discord webhook " + webhook.id() + " was removed meanwhile");
        }
    }

    @Override
    public void seed(Webhook webhook) {
        dynamoDb.putItem(r -> r.tableName(table).item(item(webhook, null)));
    }

    @Override
    public boolean delete(Webhook webhook, ChangedBy deletedBy) {
        Map<String, AttributeValue> key = key(webhook);
        Map<String, AttributeValue> id = Map.of(":id", AttributeValue.fromS(webhook.id()));
        try {
            // The stream's REMOVE record carries only the last image: who removed it goes on the item first.
            dynamoDb.updateItem(r -> r.tableName(table).key(key).updateExpression(ChangeStamps.SET).conditionExpression(SAME_WEBHOOK)
                    .expressionAttributeNames(ChangeStamps.names(ID_NAME)).expressionAttributeValues(ChangeStamps.values(deletedBy, id)));
            if (webhook.first()) {
                dynamoDb.deleteItem(r -> r.tableName(table).key(key).conditionExpression(SAME_WEBHOOK).expressionAttributeNames(ID_NAME)
                        .expressionAttributeValues(id));
            } else {
                dynamoDb.transactWriteItems(r -> r.transactItems(
                        TransactWriteItem.builder().delete(d -> d.tableName(table).key(key).conditionExpression("attribute_exists(pk)")).build(),
                        TransactWriteItem.builder().update(u -> u.tableName(table).key(TableKeys.discordWebhookCount(webhook.workspaceId()))
                                .updateExpression("ADD #n :minus").expressionAttributeNames(Map.of("#n", COUNT))
                                .expressionAttributeValues(Map.of(":minus", AttributeValue.fromN("-1")))).build()));
            }
            return true;
        } catch (ConditionalCheckFailedException | TransactionCanceledException removedMeanwhile) {
            return false;
        }
    }

    @Override
    public void disable(Webhook webhook, String reason) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(key(webhook))
                    .updateExpression("SET enabled = :no, disabled_reason = :why").conditionExpression(SAME_WEBHOOK).expressionAttributeNames(ID_NAME)
                    .expressionAttributeValues(Map.of(":no", AttributeValue.fromBool(false), ":why", AttributeValue.fromS(reason),
                            ":id", AttributeValue.fromS(webhook.id()))));
        } catch (ConditionalCheckFailedException removedMeanwhile) {
            // Nothing to disable.
        }
    }
}
