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
     * The items found under {@code keys} (up to {@link #MAX_KEYS}), read together in one consistent round trip, each
     * to be asked for by its key: the request's item, the caller's membership and the session's revocation entry at once.
     */
    public static FoundItems together(DynamoDbClient dynamoDb, String table, List<Map<String, AttributeValue>> keys) {
        return new FoundItems(items(dynamoDb, table, keys, null));
    }

    /** Items read by {@link #together}, found again by their keys. */
    public static final class FoundItems {
        private final List<Map<String, AttributeValue>> items;

        FoundItems(List<Map<String, AttributeValue>> items) {
            this.items = items;
        }

        /** The item stored under {@code key}, or null. */
        public Map<String, AttributeValue> item(Map<String, AttributeValue> key) {
            return items.stream().filter(found -> hasKey(found, key)).findFirst().orElse(null);
        }

        public boolean exists(Map<String, AttributeValue> key) {
            return item(key) != null;
        }
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
