package dev.orderchainer.auth.store;

import static dev.orderchainer.auth.store.Items.n;
import static dev.orderchainer.auth.store.Items.s;

import dev.orderchainer.auth.domain.VerificationTokenStore;
import dev.orderchainer.common.table.TableKeys;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * VERIFY#{sha256}/VERIFY items. Consuming one deletes it (only if unexpired: the expiry is checked
 * in the condition, TTL merely cleans up) and sets the user's email_verified in one transaction.
 */
public final class DynamoDbVerificationTokenStore implements VerificationTokenStore {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbVerificationTokenStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    private static Map<String, AttributeValue> tokenKey(String hash) {
        return TableKeys.verificationToken(hash);
    }

    @Override
    public void save(String tokenHash, String userId, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(tokenKey(tokenHash));
        item.put("user_id", s(userId));
        item.put("expires_at", n(expiresAt.getEpochSecond()));
        dynamoDb.putItem(r -> r.tableName(table).item(item));
    }

    @Override
    public boolean consume(String tokenHash, Instant now) {
        Map<String, AttributeValue> token = dynamoDb.getItem(r -> r.tableName(table).key(tokenKey(tokenHash)).consistentRead(true)).item();
        if (token == null || token.isEmpty() || Items.number(token, "expires_at", 0) <= now.getEpochSecond()) {
            return false;
        }
        String userId = Items.string(token, "user_id");
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(
                    t -> t.delete(d -> d.tableName(table).key(tokenKey(tokenHash))
                            .conditionExpression("attribute_exists(pk) AND expires_at > :now")
                            .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond())))),
                    t -> t.update(u -> u.tableName(table).key(TableKeys.profile(userId))
                            .updateExpression("SET email_verified = :yes")
                            .conditionExpression("attribute_exists(pk)")
                            .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true))))));
            return true;
        } catch (TransactionCanceledException raced) {
            return false;
        }
    }
}
