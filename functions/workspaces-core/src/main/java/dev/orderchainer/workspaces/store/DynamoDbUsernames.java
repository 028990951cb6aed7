package dev.orderchainer.workspaces.store;

import dev.orderchainer.common.table.ConsistentBatchGet;
import dev.orderchainer.common.table.TableKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Users' names by id from their profile items, 100 a round trip (the activity log names its actors). */
public final class DynamoDbUsernames {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbUsernames(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** The names of those of {@code userIds} that have an account. */
    public Map<String, String> of(Collection<String> userIds) {
        List<String> ids = new ArrayList<>(userIds);
        Map<String, String> names = new HashMap<>();
        for (int from = 0; from < ids.size(); from += ConsistentBatchGet.MAX_KEYS) {
            List<Map<String, AttributeValue>> keys =
                    ids.subList(from, Math.min(ids.size(), from + ConsistentBatchGet.MAX_KEYS)).stream().map(TableKeys::profile).toList();
            ConsistentBatchGet.items(dynamoDb, table, keys, "id, username").forEach(item -> names.put(item.get("id").s(), item.get("username").s()));
        }
        return names;
    }
}
