package dev.orderchainer.security;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Revoked token ids as items that DynamoDB's TTL removes once the token would have expired anyway. */
public final class DynamoDbRevocationList implements RevocationList {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbRevocationList(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    static Map<String, AttributeValue> key(String tokenId) {
        return Map.of("pk", AttributeValue.fromS("REVOKED#" + tokenId), "sk", AttributeValue.fromS("REVOKED"));
    }

    @Override
    public boolean isRevoked(String tokenId) {
        // Strongly consistent: a token must stop working the moment logout returns.
        return dynamoDb.getItem(r -> r.tableName(table).key(key(tokenId)).consistentRead(true)
                .projectionExpression("pk")).hasItem();
    }

    @Override
    public void revoke(String tokenId, Instant until) {
        dynamoDb.putItem(r -> r.tableName(table).item(item(tokenId, until)));
    }

    /** The revocation item, for callers that write it inside a transaction (logout). */
    public static Map<String, AttributeValue> item(String tokenId, Instant until) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(tokenId));
        item.put("expires_at", AttributeValue.fromN(Long.toString(until.getEpochSecond())));
        return item;
    }
}
