package dev.orderchainer.notifier;

import dev.orderchainer.common.table.TableKeys;
import dev.orderchainer.orders.events.OrderSnapshot;
import dev.orderchainer.orders.store.OrderItem;
import dev.orderchainer.workspaces.domain.Member;
import dev.orderchainer.workspaces.store.WorkspaceItems;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A stream record's keys and images read with the one item codec ({@link OrderItem}), as stored
 * items are: the Lambda event's attribute values are turned into the SDK's first. Only the types
 * order items use (S, N, BOOL, L, SS) are carried; anything else becomes NULL.
 */
final class StreamImages {
    private StreamImages() {}

    // Name clash: the Lambda event model has its own AttributeValue; this is the one place both meet.
    private static Map<String, AttributeValue> toSdk(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        if (image == null || image.isEmpty()) {
            return null;
        }
        Map<String, AttributeValue> converted = new LinkedHashMap<>();
        image.forEach((name, value) -> converted.put(name, toSdk(value)));
        return converted;
    }

    private static AttributeValue toSdk(com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue value) {
        AttributeValue.Builder sdk = AttributeValue.builder();
        if (value.getS() != null) {
            sdk.s(value.getS());
        } else if (value.getN() != null) {
            sdk.n(value.getN());
        } else if (value.getBOOL() != null) {
            sdk.bool(value.getBOOL());
        } else if (value.getSS() != null) {
            sdk.ss(value.getSS());
        } else if (value.getL() != null) {
            List<AttributeValue> items = value.getL().stream().map(StreamImages::toSdk).toList();
            sdk.l(items);
        } else {
            sdk.nul(true);
        }
        return sdk.build();
    }

    /** Whether a record's keys are an order item's. */
    static boolean isOrder(Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> keys) {
        return OrderItem.isOrder(toSdk(keys));
    }

    /** Whether a record removed a member item (a member left or was removed from a workspace). */
    static boolean isMemberRemoval(Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> keys,
                                   Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> newImage) {
        Map<String, AttributeValue> sdkKeys = toSdk(keys);
        AttributeValue sk = sdkKeys == null ? null : sdkKeys.get(TableKeys.SK);
        return sk != null && sk.s() != null && sk.s().startsWith(TableKeys.MEMBER_PREFIX) && (newImage == null || newImage.isEmpty());
    }

    /** @throws RuntimeException for an image that is not a readable member */
    static Member member(Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        return WorkspaceItems.member(toSdk(image));
    }

    /** What the record means for its workspace's activity log, if anything. */
    static Optional<ActivityChanges.Draft> activity(com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord record) {
        var stream = record.getDynamodb();
        Map<String, AttributeValue> keys = toSdk(stream.getKeys());
        if (keys == null || keys.get(TableKeys.PK) == null || keys.get(TableKeys.SK) == null) {
            return Optional.empty();
        }
        return ActivityChanges.of(record.getEventID(), keys, toSdk(stream.getOldImage()), toSdk(stream.getNewImage()), time(stream));
    }

    /** When the stream saw the change (whole seconds); now for a record without the time. */
    static Instant time(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord stream) {
        return stream.getApproximateCreationDateTime() == null ? Instant.now() : stream.getApproximateCreationDateTime().toInstant();
    }

    /** @return null for an absent or empty image (an insert's old image, a remove's new one) */
    static OrderSnapshot snapshot(Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        Map<String, AttributeValue> item = toSdk(image);
        return item == null ? null : OrderItem.snapshot(item);
    }
}
