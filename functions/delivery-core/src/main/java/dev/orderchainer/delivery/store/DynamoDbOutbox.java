package dev.orderchainer.delivery.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.orderchainer.common.json.Json;
import dev.orderchainer.common.table.BatchWrites;
import dev.orderchainer.common.table.TableKeys;
import dev.orderchainer.delivery.domain.Outbox;
import dev.orderchainer.delivery.domain.WebhookAddress;
import dev.orderchainer.orders.events.OrderEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Per webhook, OUTBOX#{workspace}#{webhook} / EVENT#{position} items holding the event's JSON, .../SENDER the lease, and
 * EVENT#{id} / DISCORD#{webhook} the record of each event seen there (waiting, then delivered and kept 7 days by TTL);
 * the original webhook's keep their keys of before it had an id (TableKeys). An
 * event is added together with its record, only if it has none: all of a batch in one transaction, one by
 * one if some were seen before.
 */
public final class DynamoDbOutbox implements Outbox {
    /** Waiting events older than this are dropped by TTL (the DLQ keeps the queue's own failures longer). */
    private static final Duration KEEP_WAITING = Duration.ofDays(1);
    private static final Duration KEEP_DELIVERED = Duration.ofDays(7);
    private static final int TRANSACTION_LIMIT = 100;
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public DynamoDbOutbox(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    private static Map<String, AttributeValue> entryKey(WebhookAddress webhook, String position) {
        return TableKeys.outboxEntry(webhook.workspaceId(), webhook.webhookId(), position);
    }

    private static Map<String, AttributeValue> leaseKey(WebhookAddress webhook) {
        return TableKeys.outboxSender(webhook.workspaceId(), webhook.webhookId());
    }

    @Override
    public void add(WebhookAddress webhook, List<Entry> batch) {
        // One entry per event: a transaction may not touch an item twice.
        Map<String, Entry> byEvent = new LinkedHashMap<>();
        batch.forEach(e -> byEvent.putIfAbsent(e.event().eventId(), e));
        List<Entry> entries = List.copyOf(byEvent.values());
        if (entries.size() > 1 && entries.size() * 2 <= TRANSACTION_LIMIT) {
            try {
                dynamoDb.transactWriteItems(r -> r.transactItems(entries.stream().flatMap(e -> adding(webhook, e).stream()).toList()));
                return;
            } catch (TransactionCanceledException cancelled) {
                if (!onlyConditionsFailed(cancelled)) {
                    throw cancelled;
                }
                // Some were seen before: add the others one by one.
            }
        }
        for (Entry entry : entries) {
            try {
                dynamoDb.transactWriteItems(r -> r.transactItems(adding(webhook, entry)));
            } catch (TransactionCanceledException cancelled) {
                if (!onlyConditionsFailed(cancelled)) {
                    throw cancelled;
                }
                // Waiting already, or delivered.
            }
        }
    }

    /**
     * Whether a cancelled transaction met only "seen before" (a failed condition); a conflict or throttling
     * is thrown on, so the batch is retried instead of an event being taken for a repeat.
     */
    private static boolean onlyConditionsFailed(TransactionCanceledException cancelled) {
        return cancelled.hasCancellationReasons() && cancelled.cancellationReasons().stream()
                .allMatch(r -> r.code() == null || "None".equals(r.code()) || "ConditionalCheckFailed".equals(r.code()));
    }

    /** The entry and its event's record (waiting), both only if the event was never seen: not waiting, not delivered, not discarded. */
    private List<TransactWriteItem> adding(WebhookAddress webhook, Entry entry) {
        String expires = Long.toString(clock.instant().plus(KEEP_WAITING).getEpochSecond());
        Map<String, AttributeValue> item = new HashMap<>(entryKey(webhook, entry.position()));
        item.put("event", AttributeValue.fromS(Json.write(entry.event())));
        item.put("expires_at", AttributeValue.fromN(expires));
        Map<String, AttributeValue> record = new HashMap<>(TableKeys.delivery(entry.event().eventId(), webhook.webhookId()));
        record.put("state", AttributeValue.fromS("waiting"));
        record.put("expires_at", AttributeValue.fromN(expires));
        return List.of(
                TransactWriteItem.builder().put(p -> p.tableName(table).item(record).conditionExpression("attribute_not_exists(pk)")).build(),
                TransactWriteItem.builder().put(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)")).build());
    }

    @Override
    public List<Entry> waiting(WebhookAddress webhook, int limit) {
        List<Entry> entries = new ArrayList<>();
        var response = dynamoDb.query(r -> r.tableName(table).consistentRead(true).limit(limit)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :events)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableKeys.outboxPartition(webhook.workspaceId(), webhook.webhookId())),
                        ":events", AttributeValue.fromS(TableKeys.OUTBOX_ENTRY_PREFIX))));
        for (Map<String, AttributeValue> item : response.items()) {
            entries.add(new Entry(TableKeys.outboxPosition(item), event(item.get("event").s())));
        }
        return entries;
    }

    private static OrderEvent event(String json) {
        try {
            return Json.mapper().readValue(json, OrderEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outbox entry that this code did not write: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void delivered(WebhookAddress webhook, List<Entry> entries) {
        long expires = clock.instant().plus(KEEP_DELIVERED).getEpochSecond();
        List<WriteRequest> writes = new ArrayList<>();
        for (Entry entry : entries) {
            Map<String, AttributeValue> marker = new HashMap<>(TableKeys.delivery(entry.event().eventId(), webhook.webhookId()));
            marker.put("state", AttributeValue.fromS("delivered"));
            marker.put("expires_at", AttributeValue.fromN(Long.toString(expires)));
            writes.add(WriteRequest.builder().putRequest(p -> p.item(marker)).build());
            writes.add(WriteRequest.builder().deleteRequest(d -> d.key(entryKey(webhook, entry.position()))).build());
        }
        write(writes);
    }

    @Override
    public void discard(WebhookAddress webhook, List<Entry> entries) {
        write(entries.stream().map(e -> WriteRequest.builder().deleteRequest(d -> d.key(entryKey(webhook, e.position()))).build())
                .toList());
    }

    private void write(List<WriteRequest> requests) {
        BatchWrites.all(dynamoDb, table, requests);
    }

    @Override
    public boolean lease(WebhookAddress webhook, String holder, Instant until) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(leaseKey(webhook))
                    .updateExpression("SET holder = :me, lease_until = :until, expires_at = :expires")
                    .conditionExpression("attribute_not_exists(holder) OR lease_until < :now")
                    .expressionAttributeValues(Map.of(":me", AttributeValue.fromS(holder),
                            ":until", AttributeValue.fromN(Long.toString(until.toEpochMilli())),
                            ":expires", AttributeValue.fromN(Long.toString(until.plus(KEEP_WAITING).getEpochSecond())),
                            ":now", AttributeValue.fromN(Long.toString(clock.millis())))));
            return true;
        } catch (ConditionalCheckFailedException held) {
            return false;
        }
    }

    @Override
    public void release(WebhookAddress webhook, String holder) {
        try {
            dynamoDb.deleteItem(r -> r.tableName(table).key(leaseKey(webhook)).conditionExpression("holder = :me")
                    .expressionAttributeValues(Map.of(":me", AttributeValue.fromS(holder))));
        } catch (ConditionalCheckFailedException notOurs) {
            // Our lease ran out and another sender took it: it is theirs to release.
        }
    }
}
