package dev.orderchainer.security;

import dev.orderchainer.common.table.TableKeys;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Revoked sessions as items that DynamoDB's TTL removes once their last access token would have expired anyway. */
public final class DynamoDbRevocationList implements RevocationList {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbRevocationList(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    static Map<String, AttributeValue> key(String sessionId) {
        return TableKeys.revokedSession(sessionId);
    }

    @Override
    public boolean isRevoked(AccessClaims claims) {
        // Strongly consistent: a token must stop working the moment logout returns.
        return dynamoDb.getItem(r -> r.tableName(table).key(key(claims.sessionId())).consistentRead(true)
                .projectionExpression("pk")).hasItem();
    }

    @Override
    public void revoke(String sessionId, Instant until) {
        dynamoDb.putItem(r -> r.tableName(table).item(item(sessionId, until)));
    }

    /** The revocation item, for callers that write it inside a transaction with the session's end. */
    public static Map<String, AttributeValue> item(String sessionId, Instant until) {
        Map<String, AttributeValue> item = new HashMap<>(key(sessionId));
        item.put("expires_at", AttributeValue.fromN(Long.toString(until.getEpochSecond())));
        return item;
    }
}
