package dev.orderchainer.auth.store;

import static dev.orderchainer.auth.store.Items.n;
import static dev.orderchainer.auth.store.Items.s;

import dev.orderchainer.auth.domain.SessionStore;
import dev.orderchainer.common.table.TableKeys;
import dev.orderchainer.security.DynamoDbRevocationList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * FAMILY#{id}/FAMILY items (user, revoked, expiry) and REFRESH#{sha256}/REFRESH items (family,
 * used, used_at, successor, expiry). Rotation is one transaction: mark the old token used (only if
 * unused), check the family is not revoked, store the new token.
 */
public final class DynamoDbSessionStore implements SessionStore {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbSessionStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    private static Map<String, AttributeValue> familyKey(String familyId) {
        return TableKeys.sessionFamily(familyId);
    }

    private static Map<String, AttributeValue> refreshKey(String hash) {
        return TableKeys.refreshToken(hash);
    }

    private static Map<String, AttributeValue> refreshItem(String hash, String userId, String familyId, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(refreshKey(hash));
        item.put("user_id", s(userId));
        item.put("family_id", s(familyId));
        item.put("used", AttributeValue.fromBool(false));
        item.put("expires_at", n(expiresAt.getEpochSecond()));
        return item;
    }

    @Override
    public void start(String familyId, String userId, Instant expiresAt, String firstTokenHash) {
        Map<String, AttributeValue> family = new HashMap<>(familyKey(familyId));
        family.put("user_id", s(userId));
        family.put("revoked", AttributeValue.fromBool(false));
        family.put("expires_at", n(expiresAt.getEpochSecond()));
        dynamoDb.transactWriteItems(r -> r.transactItems(
                t -> t.put(p -> p.tableName(table).item(family).conditionExpression("attribute_not_exists(pk)")),
                t -> t.put(p -> p.tableName(table).item(refreshItem(firstTokenHash, userId, familyId, expiresAt))
                        .conditionExpression("attribute_not_exists(pk)"))));
    }

    @Override
    public Optional<RefreshToken> find(String tokenHash) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).key(refreshKey(tokenHash)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        long usedAt = Items.number(item, "used_at", 0);
        return Optional.of(new RefreshToken(tokenHash, Items.string(item, "user_id"), Items.string(item, "family_id"),
                Instant.ofEpochSecond(Items.number(item, "expires_at", 0)), Items.bool(item, "used"),
                usedAt == 0 ? null : Instant.ofEpochMilli(usedAt), Items.string(item, "successor")));
    }

    @Override
    public Rotation rotate(RefreshToken current, String nextTokenHash, Instant now) {
        return commit(current, nextTokenHash, u -> u.tableName(table).key(refreshKey(current.hash()))
                .updateExpression("SET used = :yes, used_at = :now, successor = :next")
                .conditionExpression("used = :no")
                .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true), ":no", AttributeValue.fromBool(false),
                        ":now", n(now.toEpochMilli()), ":next", s(nextTokenHash))), null);
    }

    @Override
    public Rotation replaceSuccessor(RefreshToken current, String nextTokenHash, Instant now) {
        return commit(current, nextTokenHash, u -> u.tableName(table).key(refreshKey(current.hash()))
                .updateExpression("SET successor = :next")
                .conditionExpression("successor = :lost")
                .expressionAttributeValues(Map.of(":next", s(nextTokenHash), ":lost", s(current.successor()))),
                u -> u.tableName(table).key(refreshKey(current.successor()))
                        .updateExpression("SET used = :yes, used_at = :now, successor = :next")
                        .conditionExpression("used = :no")
                        .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true), ":no", AttributeValue.fromBool(false),
                                ":now", n(now.toEpochMilli()), ":next", s(nextTokenHash))));
    }

    /**
     * One transaction: the update of the presented token (and of its lost successor, when replacing
     * one), the family still live, the new token stored.
     */
    private Rotation commit(RefreshToken current, String nextTokenHash, Consumer<Update.Builder> presented, Consumer<Update.Builder> lost) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().update(presented).build());
        if (lost != null) {
            items.add(TransactWriteItem.builder().update(lost).build());
        }
        int family = items.size();
        items.add(TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(familyKey(current.familyId()))
                .conditionExpression("revoked = :no")
                .expressionAttributeValues(Map.of(":no", AttributeValue.fromBool(false)))).build());
        items.add(TransactWriteItem.builder().put(p -> p.tableName(table)
                .item(refreshItem(nextTokenHash, current.userId(), current.familyId(), current.expiresAt()))
                .conditionExpression("attribute_not_exists(pk)")).build());
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(items));
            return Rotation.ROTATED;
        } catch (TransactionCanceledException e) {
            for (int i = 0; i < family; i++) {
                if (Items.conditionFailed(e, i)) {
                    return Rotation.ALREADY_USED;
                }
            }
            if (Items.conditionFailed(e, family)) {
                return Rotation.FAMILY_REVOKED;
            }
            throw e;
        }
    }

    @Override
    public void revokeFamily(String familyId, Instant accessTokensExpireBy) {
        dynamoDb.transactWriteItems(r -> r.transactItems(
                t -> t.put(p -> p.tableName(table).item(DynamoDbRevocationList.item(familyId, accessTokensExpireBy))),
                t -> t.update(u -> u.tableName(table).key(familyKey(familyId))
                        .updateExpression("SET revoked = :yes")
                        .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true))))));
    }
}
