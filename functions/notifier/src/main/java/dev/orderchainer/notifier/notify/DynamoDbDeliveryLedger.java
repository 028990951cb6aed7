package dev.orderchainer.notifier.notify;

import dev.orderchainer.common.table.TableKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * EVENT#{id}/DISCORD items: state pending (with a lease) or delivered (kept 7 days by TTL). Claims
 * are conditional puts, all in one transaction when none is taken, one by one otherwise.
 */
public final class DynamoDbDeliveryLedger implements DeliveryLedger {
    private static final Duration LEASE = Duration.ofSeconds(90);
    private static final Duration KEEP = Duration.ofDays(7);
    private static final String CLAIMABLE = "attribute_not_exists(pk) OR (#state = :pending AND lease_until < :now)";
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public DynamoDbDeliveryLedger(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    private static Map<String, AttributeValue> key(String eventId) {
        return TableKeys.delivery(eventId);
    }

    private Map<String, AttributeValue> pendingItem(String eventId, long now) {
        Map<String, AttributeValue> item = new HashMap<>(key(eventId));
        item.put("state", AttributeValue.fromS("pending"));
        item.put("lease_until", AttributeValue.fromN(Long.toString(now + LEASE.toSeconds())));
        item.put("expires_at", AttributeValue.fromN(Long.toString(now + KEEP.toSeconds())));
        return item;
    }

    private static Map<String, AttributeValue> values(long now) {
        return Map.of(":pending", AttributeValue.fromS("pending"), ":now", AttributeValue.fromN(Long.toString(now)));
    }

    @Override
    public Set<String> claim(Collection<String> eventIds) {
        long now = clock.instant().getEpochSecond();
        List<String> ids = List.copyOf(new LinkedHashSet<>(eventIds));
        if (ids.isEmpty()) {
            return Set.of();
        }
        if (ids.size() > 1) {
            try {
                dynamoDb.transactWriteItems(r -> r.transactItems(ids.stream().map(id -> software.amazon.awssdk.services.dynamodb.model
                        .TransactWriteItem.builder().put(p -> p.tableName(table).item(pendingItem(id, now)).conditionExpression(CLAIMABLE)
                                .expressionAttributeNames(Map.of("#state", "state")).expressionAttributeValues(values(now))).build()).toList()));
                return new LinkedHashSet<>(ids);
            } catch (TransactionCanceledException someTaken) {
                // Fall through: find out which ones are still free.
            }
        }
        Set<String> claimed = new LinkedHashSet<>();
        for (String id : ids) {
            try {
                dynamoDb.putItem(r -> r.tableName(table).item(pendingItem(id, now)).conditionExpression(CLAIMABLE)
                        .expressionAttributeNames(Map.of("#state", "state")).expressionAttributeValues(values(now)));
                claimed.add(id);
            } catch (ConditionalCheckFailedException taken) {
                // Delivered already, or being delivered.
            }
        }
        return claimed;
    }

    @Override
    public void delivered(Collection<String> eventIds) {
        long now = clock.instant().getEpochSecond();
        write(eventIds.stream().map(id -> {
            Map<String, AttributeValue> item = new HashMap<>(key(id));
            item.put("state", AttributeValue.fromS("delivered"));
            item.put("expires_at", AttributeValue.fromN(Long.toString(now + KEEP.toSeconds())));
            return WriteRequest.builder().putRequest(p -> p.item(item)).build();
        }).toList());
    }

    @Override
    public void release(Collection<String> eventIds) {
        write(eventIds.stream().map(id -> WriteRequest.builder().deleteRequest(d -> d.key(key(id))).build()).toList());
    }

    private void write(List<WriteRequest> requests) {
        for (int from = 0; from < requests.size(); from += 25) {
            Map<String, List<WriteRequest>> pending = Map.of(table, new ArrayList<>(requests.subList(from, Math.min(requests.size(), from + 25))));
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                var response = dynamoDb.batchWriteItem(r -> r.requestItems(request));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }
}
