package dev.orderchainer.common.table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** Strongly consistent BatchGetItem of up to 100 keys of one table, asking again for any keys DynamoDB left unprocessed. */
public final class ConsistentBatchGet {
    public static final int MAX_KEYS = 100;

    private ConsistentBatchGet() {}

    /** The items that exist among {@code keys}, in no particular order; {@code projection} may be null (whole items). */
    public static List<Map<String, AttributeValue>> items(DynamoDbClient dynamoDb, String table,
                                                          Collection<Map<String, AttributeValue>> keys, String projection) {
        if (keys.size() > MAX_KEYS) {
            throw new IllegalArgumentException("BatchGetItem takes at most " + MAX_KEYS + " keys, not " + keys.size());
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        if (keys.isEmpty()) {
            return items;
        }
        KeysAndAttributes.Builder request = KeysAndAttributes.builder().keys(keys).consistentRead(true);
        if (projection != null) {
            request.projectionExpression(projection);
        }
        Map<String, KeysAndAttributes> pending = Map.of(table, request.build());
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            Map<String, KeysAndAttributes> unprocessed = pending;
            BatchGetItemResponse response = dynamoDb.batchGetItem(r -> r.requestItems(unprocessed));
            items.addAll(response.responses().getOrDefault(table, List.of()));
            pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            if (!pending.isEmpty()) {
                pause(Math.min(1000, 20L << Math.min(attempt, 6)));
            }
        }
        return items;
    }

    /**
     * The item under {@code key} (null if none) and whether one exists under {@code guardKey}, in one
     * round trip (the guard is read as consistently as the item, so a revocation already written is seen).
     */
    public static GuardedRead<Map<String, AttributeValue>> guarded(DynamoDbClient dynamoDb, String table,
                                                                   Map<String, AttributeValue> key, Map<String, AttributeValue> guardKey) {
        Map<String, AttributeValue> item = null;
        boolean guardExists = false;
        for (Map<String, AttributeValue> found : items(dynamoDb, table, List.of(key, guardKey), null)) {
            if (hasKey(found, key)) {
                item = found;
            } else if (hasKey(found, guardKey)) {
                guardExists = true;
            }
        }
        return new GuardedRead<>(item, guardExists);
    }

    /** Whether {@code item} is the one stored under {@code key} (same partition and sort key). */
    private static boolean hasKey(Map<String, AttributeValue> item, Map<String, AttributeValue> key) {
        return key.get(TableKeys.PK).equals(item.get(TableKeys.PK)) && key.get(TableKeys.SK).equals(item.get(TableKeys.SK));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
