package dev.orderchainer.discord.store;

import dev.orderchainer.common.domain.ChangedBy;
import dev.orderchainer.common.table.ChangeStamps;
import dev.orderchainer.common.table.TableKeys;
import dev.orderchainer.discord.domain.Integration;
import dev.orderchainer.discord.domain.IntegrationStore;
import dev.orderchainer.discord.domain.Notifications;
import dev.orderchainer.discord.domain.WebhookUrl;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** The integration as USER#{user}/DISCORD: webhook id and token, options, toggles, state. */
public final class DynamoDbIntegrationStore implements IntegrationStore {
    /** Who last set it up, changed or removed it (the activity log's actor). */
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbIntegrationStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String userId) {
        return TableKeys.discordIntegration(userId);
    }

    @Override
    public Optional<Integration> get(String userId) {
        return decode(userId, dynamoDb.getItem(r -> r.tableName(table).key(key(userId)).consistentRead(true)).item());
    }

    /** The integration and whether {@code guardKey} exists (the session's revocation entry), in one round trip. */
    /** A workspace's integration item (or null: none), as read together with other items. */
    public static Optional<Integration> decode(String userId, Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> toggles = item.get("notifications").m();
        return Optional.of(new Integration(userId, new WebhookUrl(item.get("webhook_id").s(), item.get("webhook_token").s()),
                text(item, "username"), text(item, "avatar_url"),
                new Notifications(toggle(toggles, "order_created"), toggle(toggles, "order_updated"),
                        toggle(toggles, "order_completed"), toggle(toggles, "order_failed"),
                        toggle(toggles, "order_ready"), toggle(toggles, "order_blocked")),
                item.get("enabled").bool(), text(item, "disabled_reason"),
                Instant.parse(item.get("created_at").s()), Instant.parse(item.get("updated_at").s())));
    }

    /** Toggles added later are on for integrations stored before them. */
    private static boolean toggle(Map<String, AttributeValue> toggles, String name) {
        AttributeValue value = toggles.get(name);
        return value == null || !Boolean.FALSE.equals(value.bool());
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    @Override
    public void put(Integration integration, String changedBy) {
        Map<String, AttributeValue> item = new HashMap<>(key(integration.userId()));
        item.put("entity", AttributeValue.fromS("discord_integration"));
        item.put("webhook_id", AttributeValue.fromS(integration.webhook().id()));
        item.put("webhook_token", AttributeValue.fromS(integration.webhook().token()));
        if (integration.username() != null) {
            item.put("username", AttributeValue.fromS(integration.username()));
        }
        if (integration.avatarUrl() != null) {
            item.put("avatar_url", AttributeValue.fromS(integration.avatarUrl()));
        }
        Notifications n = integration.notifications();
        item.put("notifications", AttributeValue.fromM(Map.of(
                "order_created", AttributeValue.fromBool(n.orderCreated()),
                "order_updated", AttributeValue.fromBool(n.orderUpdated()),
                "order_completed", AttributeValue.fromBool(n.orderCompleted()),
                "order_failed", AttributeValue.fromBool(n.orderFailed()),
                "order_ready", AttributeValue.fromBool(n.orderReady()),
                "order_blocked", AttributeValue.fromBool(n.orderBlocked()))));
        item.put("enabled", AttributeValue.fromBool(integration.enabled()));
        if (integration.disabledReason() != null) {
            item.put("disabled_reason", AttributeValue.fromS(integration.disabledReason()));
        }
        item.put("created_at", AttributeValue.fromS(integration.createdAt().toString()));
        item.put("updated_at", AttributeValue.fromS(integration.updatedAt().toString()));
        if (changedBy != null) {
            ChangeStamps.put(item, new ChangedBy(changedBy, integration.updatedAt()));
        }
        dynamoDb.putItem(r -> r.tableName(table).item(item));
    }

    @Override
    public boolean delete(String userId, ChangedBy deletedBy) {
        try {
            // The stream's REMOVE record carries only the last image: who removed it goes on the item first.
            dynamoDb.updateItem(r -> r.tableName(table).key(key(userId)).updateExpression(ChangeStamps.SET)
                    .conditionExpression("attribute_exists(pk)").expressionAttributeNames(ChangeStamps.names(Map.of()))
                    .expressionAttributeValues(ChangeStamps.values(deletedBy, Map.of())));
        } catch (ConditionalCheckFailedException none) {
            return false;
        }
        return dynamoDb.deleteItem(r -> r.tableName(table).key(key(userId)).returnValues(ReturnValue.ALL_OLD)).hasAttributes();
    }

    @Override
    public void disable(String userId, String reason) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(key(userId))
                    .updateExpression("SET enabled = :no, disabled_reason = :why")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":no", AttributeValue.fromBool(false), ":why", AttributeValue.fromS(reason))));
        } catch (ConditionalCheckFailedException deletedMeanwhile) {
            // Nothing to disable.
        }
    }
}
