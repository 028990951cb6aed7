package dev.orderchainer.orders.store;

import dev.orderchainer.common.table.TableKeys;
import dev.orderchainer.orders.domain.Order;
import dev.orderchainer.orders.domain.OrderStatus;
import dev.orderchainer.orders.events.OrderSnapshot;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An order's stored form, both ways: the store writes and reads it, the stream handlers read the
 * images of it the table stream carries. Dependencies are a list (their order is the user's),
 * dependents and failure marks string sets (DynamoDB's ADD/DELETE keep them race-free).
 */
public final class OrderItem {
    public static final String ID = "id";
    public static final String USER_ID = "user_id";
    public static final String TITLE = "title";
    public static final String DESCRIPTION = "description";
    public static final String STATUS = "status";
    public static final String DEPENDENCIES = "dependencies";
    public static final String DEPENDENTS = "dependents";
    public static final String BLOCKED_BY_FAILURE = "blocked_by_failure";
    public static final String AUTO_ACTIVATE = "auto_activate";
    public static final String CREATED_AT = "created_at";
    public static final String UPDATED_AT = "updated_at";
    public static final String VERSION = "version";
    /** Members' user ids; absent on orders stored before workspaces, which their owner made. */
    public static final String CREATED_BY = "created_by";
    public static final String UPDATED_BY = "updated_by";
    /** A member's user id; absent when unassigned. */
    public static final String ASSIGNEE = "assignee";
    /** Written just before the order is deleted, so its last image on the stream says when. */
    public static final String DELETED_AT = "deleted_at";
    public static final String DELETED_BY = "deleted_by";
    /** Enough of an order to walk the graph. */
    public static final String DEPENDENCIES_PROJECTION = ID + ", " + DEPENDENCIES;
    /** The graph version item's one attribute. */
    public static final String GRAPH_VERSION = "graph_version";

    private OrderItem() {}

    public static Map<String, AttributeValue> encode(Order order) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.order(order.userId(), order.id()));
        item.put("entity", AttributeValue.fromS("order"));
        item.put(ID, AttributeValue.fromS(order.id()));
        item.put(USER_ID, AttributeValue.fromS(order.userId()));
        item.put(TITLE, AttributeValue.fromS(order.title()));
        item.put(DESCRIPTION, AttributeValue.fromS(order.description()));
        item.put(STATUS, AttributeValue.fromS(order.status().wire()));
        item.put(DEPENDENCIES, AttributeValue.fromL(order.dependencies().stream().map(AttributeValue::fromS).toList()));
        if (!order.dependents().isEmpty()) {
            item.put(DEPENDENTS, AttributeValue.fromSs(order.dependents()));
        }
        if (!order.blockedByFailure().isEmpty()) {
            item.put(BLOCKED_BY_FAILURE, AttributeValue.fromSs(order.blockedByFailure()));
        }
        item.put(AUTO_ACTIVATE, AttributeValue.fromBool(order.autoActivate()));
        item.put(CREATED_AT, AttributeValue.fromS(order.createdAt().toString()));
        item.put(UPDATED_AT, AttributeValue.fromS(order.updatedAt().toString()));
        item.put(VERSION, AttributeValue.fromN(Long.toString(order.version())));
        item.put(CREATED_BY, AttributeValue.fromS(order.createdBy()));
        item.put(UPDATED_BY, AttributeValue.fromS(order.updatedBy()));
        if (order.assignee() != null) {
            item.put(ASSIGNEE, AttributeValue.fromS(order.assignee()));
        }
        item.put(TableKeys.STATUS_INDEX_PK, AttributeValue.fromS(statusPartition(order.userId(), order.status())));
        item.put(TableKeys.STATUS_INDEX_SK, AttributeValue.fromS(order.id()));
        return item;
    }

    public static Order decode(Map<String, AttributeValue> item) {
        AttributeValue auto = item.get(AUTO_ACTIVATE);
        String workspaceId = item.get(USER_ID).s();
        return new Order(item.get(ID).s(), workspaceId, item.get(TITLE).s(), text(item, DESCRIPTION, ""),
                status(item), dependencies(item), sortedSet(item, DEPENDENTS), auto != null && Boolean.TRUE.equals(auto.bool()),
                sortedSet(item, BLOCKED_BY_FAILURE), Instant.parse(item.get(CREATED_AT).s()), Instant.parse(item.get(UPDATED_AT).s()),
                Long.parseLong(item.get(VERSION).n()), text(item, CREATED_BY, workspaceId), text(item, UPDATED_BY, workspaceId),
                text(item, ASSIGNEE, null));
    }

    /**
     * What events and the workflow need of an image on the stream. Lenient where the stored form was
     * once looser (no title, no version): only the id, the user and a known status are required.
     *
     * @throws IllegalArgumentException for an image that is not a readable order
     */
    public static OrderSnapshot snapshot(Map<String, AttributeValue> image) {
        String id = required(image, ID);
        String userId = required(image, USER_ID);
        OrderStatus status = status(image);
        AttributeValue version = image.get(VERSION);
        return new OrderSnapshot(id, userId, text(image, TITLE, null), text(image, DESCRIPTION, null), status, dependencies(image),
                sortedSet(image, DEPENDENTS), version == null || version.n() == null ? 0 : Long.parseLong(version.n()),
                text(image, UPDATED_AT, null), text(image, DELETED_AT, null), text(image, CREATED_BY, null), text(image, UPDATED_BY, null),
                text(image, DELETED_BY, null), text(image, ASSIGNEE, null));
    }

    /** The status index partition an order of this status is listed in. */
    public static String statusPartition(String userId, OrderStatus status) {
        return TableKeys.statusPartition(userId, status.wire());
    }

    /** Whether an item (or a record's keys) is an order's. */
    public static boolean isOrder(Map<String, AttributeValue> keys) {
        AttributeValue sk = keys == null ? null : keys.get(TableKeys.SK);
        return sk != null && TableKeys.isOrder(sk.s());
    }

    /** Just the dependency list, from an item read with {@link #DEPENDENCIES_PROJECTION}. */
    public static List<String> dependencies(Map<String, AttributeValue> item) {
        AttributeValue list = item.get(DEPENDENCIES);
        return list == null || !list.hasL() ? List.of() : list.l().stream().map(AttributeValue::s).toList();
    }

    private static OrderStatus status(Map<String, AttributeValue> item) {
        String status = required(item, STATUS);
        return OrderStatus.parse(status).orElseThrow(() -> new IllegalArgumentException("unknown status " + status));
    }

    private static String required(Map<String, AttributeValue> item, String name) {
        String value = text(item, name, null);
        if (value == null) {
            throw new IllegalArgumentException("the order image has no " + name);
        }
        return value;
    }

    private static String text(Map<String, AttributeValue> item, String name, String absent) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? absent : value.s();
    }

    private static List<String> sortedSet(Map<String, AttributeValue> item, String name) {
        AttributeValue set = item.get(name);
        return set == null || !set.hasSs() ? List.of() : set.ss().stream().sorted().toList();
    }
}
