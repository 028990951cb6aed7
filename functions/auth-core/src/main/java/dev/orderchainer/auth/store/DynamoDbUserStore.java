package dev.orderchainer.auth.store;

import static dev.orderchainer.auth.store.Items.n;
import static dev.orderchainer.auth.store.Items.s;

import dev.orderchainer.auth.domain.User;
import dev.orderchainer.auth.domain.UserStore;
import dev.orderchainer.common.table.TableKeys;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Accounts as USER#{id}/PROFILE items, with EMAIL#{email}/EMAIL and USERNAME#{name}/USERNAME marker
 * items (lower case) written in the same transaction, so uniqueness holds under concurrency.
 */
public final class DynamoDbUserStore implements UserStore {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbUserStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    private static Map<String, AttributeValue> emailMarker(String email) {
        return TableKeys.emailMarker(email);
    }

    private static Map<String, AttributeValue> usernameMarker(String username) {
        return TableKeys.usernameMarker(username);
    }

    @Override
    public void create(User user) {
        Map<String, AttributeValue> profile = new HashMap<>(TableKeys.profile(user.id()));
        profile.put("entity", s("user"));
        profile.put("id", s(user.id()));
        profile.put("email", s(user.email()));
        profile.put("username", s(user.username()));
        profile.put("password_hash", s(user.passwordHash()));
        profile.put("email_verified", AttributeValue.fromBool(user.emailVerified()));
        profile.put("created_at", s(user.createdAt().toString()));
        profile.put("failed_logins", n(0));
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(
                    putNew(profile),
                    putNew(marker(emailMarker(user.email()), user.id())),
                    putNew(marker(usernameMarker(user.username()), user.id()))));
        } catch (TransactionCanceledException e) {
            if (Items.conditionFailed(e, 1)) {
                throw new DuplicateAccountException("email");
            }
            if (Items.conditionFailed(e, 2)) {
                throw new DuplicateAccountException("username");
            }
            throw e;
        }
    }

    private static Map<String, AttributeValue> marker(Map<String, AttributeValue> key, String userId) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("user_id", s(userId));
        return item;
    }

    private TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return viaMarker(emailMarker(email.trim()));
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return viaMarker(usernameMarker(username.trim()));
    }

    @Override
    public Optional<User> findById(String userId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).key(TableKeys.profile(userId)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toUser(item));
    }

    private Optional<User> viaMarker(Map<String, AttributeValue> markerKey) {
        Map<String, AttributeValue> marker = dynamoDb.getItem(r -> r.tableName(table).key(markerKey).consistentRead(true)).item();
        if (marker == null || marker.isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table)
                .key(TableKeys.profile(Items.string(marker, "user_id"))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toUser(item));
    }

    /** A USER#{id}/PROFILE item as the account. */
    public static User toUser(Map<String, AttributeValue> item) {
        long lockedUntil = Items.number(item, "locked_until", 0);
        return new User(Items.string(item, "id"), Items.string(item, "email"), Items.string(item, "username"),
                Items.string(item, "password_hash"), Items.bool(item, "email_verified"),
                Instant.parse(Items.string(item, "created_at")), (int) Items.number(item, "failed_logins", 0),
                lockedUntil == 0 ? null : Instant.ofEpochSecond(lockedUntil));
    }

    @Override
    public int recordFailedLogin(String userId) {
        Map<String, AttributeValue> updated = dynamoDb.updateItem(r -> r.tableName(table).key(TableKeys.profile(userId))
                .updateExpression("ADD failed_logins :one")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":one", n(1)))
                .returnValues(ReturnValue.UPDATED_NEW)).attributes();
        return (int) Items.number(updated, "failed_logins", 1);
    }

    @Override
    public void lockUntil(String userId, Instant until) {
        dynamoDb.updateItem(r -> r.tableName(table).key(TableKeys.profile(userId))
                .updateExpression("SET locked_until = :until")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":until", n(until.getEpochSecond()))));
    }

    @Override
    public void clearFailedLogins(String userId) {
        dynamoDb.updateItem(r -> r.tableName(table).key(TableKeys.profile(userId))
                .updateExpression("SET failed_logins = :zero REMOVE locked_until")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":zero", n(0))));
    }
}
