package dev.orderchainer.workspaces.store;

import static dev.orderchainer.workspaces.store.WorkspaceItems.n;
import static dev.orderchainer.workspaces.store.WorkspaceItems.s;

import dev.orderchainer.common.table.BatchWrites;
import dev.orderchainer.common.table.PageCursors;
import dev.orderchainer.common.table.TableKeys;
import dev.orderchainer.workspaces.domain.Activity;
import dev.orderchainer.workspaces.domain.ActivityLog;
import dev.orderchainer.workspaces.domain.InvalidActivityCursorException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Activity entries as ACTIVITY#{workspace}/{millis}#{id} items, so one query reads them newest first; an entry about an
 * order is also in the status index under ACTIVITY#{workspace}#{order}, so one query reads an order's. The cursor holds
 * the listing it continues and the last sort key, from which the key is rebuilt (never a key taken from the client).
 */
public final class DynamoDbActivityLog implements ActivityLog {
    private static final Pattern SORT_KEY = Pattern.compile("^\\d{13}#act_[0-9a-f]{24}$");
    private static final int MAX_CURSOR = 512;
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbActivityLog(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void record(List<Activity> entries) {
        BatchWrites.all(dynamoDb, table, entries.stream().map(entry -> WriteRequest.builder().putRequest(p -> p.item(item(entry))).build())
                .toList());
    }

    static String sortKey(Activity entry) {
        return String.format("%013d#%s", entry.at().toEpochMilli(), entry.id());
    }

    private static Map<String, AttributeValue> item(Activity entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableKeys.PK, s(TableKeys.activityPartition(entry.workspaceId())));
        item.put(TableKeys.SK, s(sortKey(entry)));
        if (entry.orderId() != null) {
            item.put(TableKeys.STATUS_INDEX_PK, s(TableKeys.orderActivityPartition(entry.workspaceId(), entry.orderId())));
            item.put(TableKeys.STATUS_INDEX_SK, s(sortKey(entry)));
            item.put("order_id", s(entry.orderId()));
        }
        item.put("entity", s("activity"));
        item.put("id", s(entry.id()));
        item.put("workspace_id", s(entry.workspaceId()));
        item.put("at", s(entry.at().toString()));
        if (entry.actorId() != null) {
            item.put("actor_id", s(entry.actorId()));
        }
        item.put("actor_username", s(entry.actorUsername()));
        item.put("action", s(entry.action()));
        item.put("summary", s(entry.summary()));
        item.put(WorkspaceItems.EXPIRES_AT, n(entry.at().plus(Activity.KEPT).getEpochSecond()));
        return item;
    }

    private static Activity activity(Map<String, AttributeValue> item) {
        return new Activity(item.get("id").s(), item.get("workspace_id").s(), Instant.parse(item.get("at").s()), text(item, "actor_id"),
                item.get("actor_username").s(), item.get("action").s(), text(item, "order_id"), item.get("summary").s());
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    @Override
    public Page page(String workspaceId, String orderId, int limit, String cursor) {
        String listing = orderId == null ? TableKeys.activityPartition(workspaceId) : TableKeys.orderActivityPartition(workspaceId, orderId);
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).scanIndexForward(false).limit(limit)
                .expressionAttributeValues(Map.of(":pk", s(listing)));
        if (orderId == null) {
            query.keyConditionExpression("pk = :pk");
        } else {
            query.indexName(TableKeys.STATUS_INDEX).keyConditionExpression(TableKeys.STATUS_INDEX_PK + " = :pk");
        }
        if (cursor != null) {
            String sortKey = lastSortKey(cursor, listing);
            Map<String, AttributeValue> start = new HashMap<>(TableKeys.key(TableKeys.activityPartition(workspaceId), sortKey));
            if (orderId != null) {
                start.put(TableKeys.STATUS_INDEX_PK, s(listing));
                start.put(TableKeys.STATUS_INDEX_SK, s(sortKey));
            }
            query.exclusiveStartKey(start);
        }
        QueryResponse response = dynamoDb.query(query.build());
        List<Activity> items = response.items().stream().map(DynamoDbActivityLog::activity).toList();
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? encode(listing, response.lastEvaluatedKey().get(TableKeys.SK).s()) : null;
        return new Page(items, next);
    }

    private static String encode(String listing, String sortKey) {
        return PageCursors.encode(listing, sortKey);
    }

    private static String lastSortKey(String cursor, String listing) {
        List<String> fields;
        try {
            fields = PageCursors.decode(cursor, 2, MAX_CURSOR);
        } catch (PageCursors.MalformedCursorException malformed) {
            throw new InvalidActivityCursorException(switch (malformed.problem()) {
                case TOO_LONG -> "too long";
                case NOT_BASE64URL_TEXT -> "not base64url text";
                case OTHER_FORM -> "not of this listing";
            });
        }
        if (!fields.get(0).equals(listing) || !SORT_KEY.matcher(fields.get(1)).matches()) {
            throw new InvalidActivityCursorException("not of this listing");
        }
        return fields.get(1);
    }
}
