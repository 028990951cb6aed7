package dev.orderchainer.orders.store;

import dev.orderchainer.common.table.ConsistentBatchGet;
import dev.orderchainer.common.table.TableKeys;
import dev.orderchainer.orders.domain.Order;
import dev.orderchainer.orders.domain.OrderEdit;
import dev.orderchainer.orders.domain.OrderStatus;
import dev.orderchainer.orders.domain.OrderStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Orders as USER#{user}/ORDER#{id} items holding their dependencies and dependents; the status
 * index (gsi1: ORDERS#{user}#{status} / id) serves status filters; USER#{user}/GRAPH holds the
 * graph version. Every write that moves an edge updates both ends in one transaction.
 */
public final class DynamoDbOrderStore implements OrderStore {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbOrderStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** The user's orders: the partition's items whose sort key starts ORDER#. */
    private static QueryRequest.Builder ordersOf(QueryRequest.Builder query, String userId) {
        return query.keyConditionExpression("pk = :pk AND begins_with(sk, :orders)")
                .expressionAttributeValues(Map.of(":pk", s(TableKeys.workspacePartition(userId)), ":orders", s(TableKeys.ORDER_PREFIX)));
    }

    @Override
    public Optional<Order> get(String userId, String orderId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).key(TableKeys.order(userId, orderId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(OrderItem.decode(item));
    }

    @Override
    public Map<String, Order> getMany(String userId, Collection<String> orderIds) {
        Map<String, Order> orders = new LinkedHashMap<>();
        batchGet(userId, orderIds, null).forEach(item -> orders.put(item.get(OrderItem.ID).s(), OrderItem.decode(item)));
        return orders;
    }

    @Override
    public Map<String, List<String>> dependenciesOf(String userId, Collection<String> orderIds) {
        Map<String, List<String>> dependencies = new HashMap<>();
        batchGet(userId, orderIds, OrderItem.DEPENDENCIES_PROJECTION)
                .forEach(item -> dependencies.put(item.get(OrderItem.ID).s(), OrderItem.dependencies(item)));
        return dependencies;
    }

    /** Consistent BatchGetItem in chunks of 100. */
    private List<Map<String, AttributeValue>> batchGet(String userId, Collection<String> orderIds, String projection) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        List<String> ids = List.copyOf(Set.copyOf(orderIds));
        for (int from = 0; from < ids.size(); from += ConsistentBatchGet.MAX_KEYS) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + ConsistentBatchGet.MAX_KEYS)).stream()
                    .map(id -> TableKeys.order(userId, id)).toList();
            items.addAll(ConsistentBatchGet.items(dynamoDb, table, keys, projection));
        }
        return items;
    }

    @Override
    public List<Order> all(String userId) {
        List<Order> orders = new ArrayList<>();
        eachOrderItem(userId, null, item -> orders.add(OrderItem.decode(item)));
        return orders;
    }

    @Override
    public Map<String, List<String>> allDependencies(String userId) {
        Map<String, List<String>> dependencies = new HashMap<>();
        eachOrderItem(userId, OrderItem.DEPENDENCIES_PROJECTION,
                item -> dependencies.put(item.get(OrderItem.ID).s(), OrderItem.dependencies(item)));
        return dependencies;
    }

    /** Every order item of the user (consistent query, page by page), with {@code projection} if not null. */
    private void eachOrderItem(String userId, String projection, Consumer<Map<String, AttributeValue>> each) {
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = ordersOf(QueryRequest.builder(), userId).tableName(table).consistentRead(true)
                    .exclusiveStartKey(start);
            if (projection != null) {
                query.projectionExpression(projection);
            }
            QueryResponse page = dynamoDb.query(query.build());
            page.items().forEach(each);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }

    @Override
    public List<String> assignedTo(String userId, String assignee) {
        List<String> ids = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest query = ordersOf(QueryRequest.builder(), userId).tableName(table).consistentRead(true).exclusiveStartKey(start)
                    .projectionExpression("#id").filterExpression("#assignee = :assignee")
                    .expressionAttributeNames(Map.of("#id", OrderItem.ID, "#assignee", OrderItem.ASSIGNEE))
                    .expressionAttributeValues(Map.of(":pk", s(TableKeys.workspacePartition(userId)), ":orders", s(TableKeys.ORDER_PREFIX),
                            ":assignee", s(assignee))).build();
            QueryResponse page = dynamoDb.query(query);
            page.items().forEach(item -> ids.add(item.get(OrderItem.ID).s()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return ids;
    }

    @Override
    public long graphVersion(String userId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).key(TableKeys.graph(userId)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? 0 : Long.parseLong(item.get(OrderItem.GRAPH_VERSION).n());
    }

    @Override
    public Page list(String userId, Optional<OrderStatus> status, Optional<String> assignee, int limit, String cursor) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).limit(limit).scanIndexForward(false);
        Map<String, AttributeValue> values = new HashMap<>();
        if (status.isPresent()) {
            query.indexName(TableKeys.STATUS_INDEX).keyConditionExpression("gsi1pk = :pk");
            values.put(":pk", s(OrderItem.statusPartition(userId, status.get())));
        } else {
            query.keyConditionExpression("pk = :pk AND begins_with(sk, :orders)");
            values.put(":pk", s(TableKeys.workspacePartition(userId)));
            values.put(":orders", s(TableKeys.ORDER_PREFIX));
        }
        assignee.ifPresent(member -> {
            // Limit counts the items read before the filter: a page may hold fewer, as the views' do.
            query.filterExpression("#assignee = :assignee").expressionAttributeNames(Map.of("#assignee", OrderItem.ASSIGNEE));
            values.put(":assignee", s(member));
        });
        query.expressionAttributeValues(values);
        if (cursor != null) {
            String after = ListCursor.lastOrderId(cursor, userId, status);
            Map<String, AttributeValue> start = new HashMap<>(TableKeys.order(userId, after));
            status.ifPresent(s -> {
                start.put(TableKeys.STATUS_INDEX_PK, s(OrderItem.statusPartition(userId, s)));
                start.put(TableKeys.STATUS_INDEX_SK, s(after));
            });
            query.exclusiveStartKey(start);
        }
        QueryResponse response = dynamoDb.query(query.build());
        List<Order> orders = response.items().stream().map(OrderItem::decode).toList();
        // Where the read stopped, which a filter may have left out of the page: the next page goes on from there.
        Map<String, AttributeValue> last = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : Map.of();
        String next = last.isEmpty() ? null
                : ListCursor.encode(userId, status, last.get(TableKeys.SK).s().substring(TableKeys.ORDER_PREFIX.length()));
        return new Page(orders, next);
    }

    @Override
    public void create(Order order, boolean requireCompletedDependencies) {
        if (order.dependencies().isEmpty()) {
            try {
                dynamoDb.putItem(r -> r.tableName(table).item(OrderItem.encode(order)).conditionExpression("attribute_not_exists(pk)"));
            } catch (ConditionalCheckFailedException e) {
                throw new ConcurrentChangeException("order id collision");
            }
            return;
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(OrderItem.encode(order))
                .conditionExpression("attribute_not_exists(pk)")).build());
        for (String dependency : order.dependencies()) {
            writes.add(addDependent(order.userId(), dependency, order.id(), requireCompletedDependencies));
        }
        // No graph version bump: a new order has no dependents, so its edges cannot close a cycle that a
        // concurrent edit checked; an edit that later adds an edge to it reads it first. Creates thus only
        // contend where they share a dependency's item.
        transact(writes);
    }

    /** The SET of an order's own attributes, conditioned on the version it was read at. */
    private record OrderUpdate(String expression, Map<String, String> names, Map<String, AttributeValue> values) {}

    private static OrderUpdate orderUpdate(Order before, Order after) {
        Map<String, AttributeValue> item = OrderItem.encode(after);
        // Written by other requests and the workflow, never overwritten from a stale read.
        item.remove(OrderItem.DEPENDENTS);
        item.remove(OrderItem.BLOCKED_BY_FAILURE);
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        List<String> sets = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, AttributeValue> field : item.entrySet()) {
            if (field.getKey().equals(TableKeys.PK) || field.getKey().equals(TableKeys.SK)) {
                continue;
            }
            names.put("#f" + i, field.getKey());
            values.put(":f" + i, field.getValue());
            sets.add("#f" + i + " = :f" + i);
            i++;
        }
        names.put("#version", "version");
        values.put(":expected", n(before.version()));
        // Unassigned is the attribute's absence: an assignee stored before goes.
        String remove = "";
        if (after.assignee() == null) {
            names.put("#assignee", OrderItem.ASSIGNEE);
            remove = " REMOVE #assignee";
        }
        return new OrderUpdate("SET " + String.join(", ", sets) + remove, names, values);
    }

    @Override
    public void update(OrderEdit edit, Set<String> requireCompleted, Long expectedGraphVersion) {
        Order after = edit.after();
        String userId = after.userId();
        OrderUpdate own = orderUpdate(edit.before(), after);
        if (edit.added().isEmpty() && edit.removed().isEmpty() && requireCompleted.isEmpty() && expectedGraphVersion == null) {
            updateAlone(userId, after.id(), own);
            return;
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(TableKeys.order(userId, after.id()))
                .updateExpression(own.expression())
                .conditionExpression("#version = :expected")
                .expressionAttributeNames(own.names()).expressionAttributeValues(own.values())).build());
        for (String dependency : edit.added()) {
            writes.add(addDependent(userId, dependency, after.id(), requireCompleted.contains(dependency)));
        }
        for (String dependency : edit.removed()) {
            writes.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(TableKeys.order(userId, dependency))
                    .updateExpression("DELETE dependents :me")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":me", AttributeValue.fromSs(List.of(after.id()))))).build());
        }
        for (String dependency : requireCompleted) {
            if (!edit.added().contains(dependency)) {
                writes.add(TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(TableKeys.order(userId, dependency))
                        .conditionExpression("#status = :completed")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(":completed", s(OrderStatus.COMPLETED.wire())))).build());
            }
        }
        if (expectedGraphVersion != null) {
            writes.add(bumpGraph(userId, expectedGraphVersion));
        }
        transact(writes);
    }

    /** Only the order itself changes: a conditional UpdateItem costs half a transaction. */
    private void updateAlone(String userId, String orderId, OrderUpdate own) {
        try {
            dynamoDb.updateItem(u -> u.tableName(table).key(TableKeys.order(userId, orderId)).updateExpression(own.expression())
                    .conditionExpression("#version = :expected")
                    .expressionAttributeNames(own.names()).expressionAttributeValues(own.values()));
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentChangeException("order changed");
        } catch (DynamoDbException e) {
            if (isItemTooLarge(e)) {
                throw new ItemTooLargeException(e.getMessage());
            }
            throw e;
        }
    }

    @Override
    public void delete(Order order, Instant deletedAt, String deletedBy, long expectedGraphVersion) {
        // The stream's REMOVE record carries only the last image, and the stream's own time may be rounded down
        // to the minute: the time and who deletes go on the item first (no field a user sees changes, so no event follows).
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(TableKeys.order(order.userId(), order.id()))
                    .updateExpression("SET #deletedAt = :at, #deletedBy = :by")
                    .conditionExpression("#version = :expected")
                    .expressionAttributeNames(Map.of("#deletedAt", OrderItem.DELETED_AT, "#deletedBy", OrderItem.DELETED_BY, "#version", "version"))
                    .expressionAttributeValues(Map.of(":at", s(deletedAt.toString()), ":by", s(deletedBy), ":expected", n(order.version()))));
        } catch (ConditionalCheckFailedException changed) {
            throw new ConcurrentChangeException("order changed");
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(TableKeys.order(order.userId(), order.id()))
                .conditionExpression("#version = :expected AND attribute_not_exists(dependents)")
                .expressionAttributeNames(Map.of("#version", "version"))
                .expressionAttributeValues(Map.of(":expected", n(order.version())))).build());
        for (String dependency : order.dependencies()) {
            writes.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(TableKeys.order(order.userId(), dependency))
                    .updateExpression("DELETE dependents :me")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":me", AttributeValue.fromSs(List.of(order.id()))))).build());
        }
        writes.add(bumpGraph(order.userId(), expectedGraphVersion));
        transact(writes);
    }

    @Override
    public void addBlockedByFailure(String userId, String orderId, String failedDependency) {
        changeFailureMark(userId, orderId, failedDependency, "ADD");
    }

    @Override
    public void removeBlockedByFailure(String userId, String orderId, String failedDependency) {
        changeFailureMark(userId, orderId, failedDependency, "DELETE");
    }

    /** Set ADD/DELETE are idempotent, so a retried stream record changes nothing twice; version is left alone. */
    private void changeFailureMark(String userId, String orderId, String failedDependency, String operation) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(TableKeys.order(userId, orderId))
                    .updateExpression(operation + " blocked_by_failure :failed")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":failed", AttributeValue.fromSs(List.of(failedDependency)))));
        } catch (ConditionalCheckFailedException deleted) {
            // The dependent is gone: nothing to mark.
        }
    }

    /**
     * The dependency must still exist, have room for one more dependent (so its item stays below
     * DynamoDB's 400 KB), and be completed when the dependent is active or completed.
     */
    private TransactWriteItem addDependent(String userId, String dependency, String dependent, boolean requireCompleted) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":me", AttributeValue.fromSs(List.of(dependent)));
        values.put(":max", n(Order.MAX_DEPENDENTS));
        String condition = "attribute_exists(pk) AND (attribute_not_exists(dependents) OR size(dependents) < :max)";
        Map<String, String> names = new HashMap<>();
        if (requireCompleted) {
            condition += " AND #status = :completed";
            names.put("#status", "status");
            values.put(":completed", s(OrderStatus.COMPLETED.wire()));
        }
        String finalCondition = condition;
        return TransactWriteItem.builder().update(u -> {
            u.tableName(table).key(TableKeys.order(userId, dependency)).updateExpression("ADD dependents :me")
                    .conditionExpression(finalCondition).expressionAttributeValues(values);
            if (!names.isEmpty()) {
                u.expressionAttributeNames(names);
            }
        }).build();
    }

    /** Moves the graph version on, only if nobody else moved it since {@code expected} was read. */
    private TransactWriteItem bumpGraph(String userId, long expected) {
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(TableKeys.graph(userId))
                .updateExpression("SET graph_version = :next")
                .conditionExpression(expected == 0 ? "attribute_not_exists(graph_version) OR graph_version = :expected"
                        : "graph_version = :expected")
                .expressionAttributeValues(Map.of(":next", n(expected + 1), ":expected", n(expected)))).build();
    }

    private void transact(List<TransactWriteItem> writes) {
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(writes));
        } catch (TransactionCanceledException e) {
            if (e.hasCancellationReasons() && e.cancellationReasons().stream().anyMatch(c -> "ValidationError".equals(c.code()))) {
                throw new ItemTooLargeException("transaction refused: " + e.cancellationReasons());
            }
            throw new ConcurrentChangeException("transaction cancelled: " + (e.hasCancellationReasons()
                    ? e.cancellationReasons().stream().map(c -> String.valueOf(c.code())).toList() : "unknown"));
        }
    }

    private static boolean isItemTooLarge(DynamoDbException e) {
        return e.statusCode() == 400 && String.valueOf(e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage())
                .contains("has exceeded the maximum allowed size");
    }
}
