package dev.orderchainer.auth.store;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Small helpers around AttributeValue for the auth items (their keys are in TableKeys). */
final class Items {
    private Items() {}

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    static long number(Map<String, AttributeValue> item, String name, long missing) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? missing : Long.parseLong(value.n());
    }

    static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    /** Whether the transaction failed because the condition of its item at {@code index} was false. */
    static boolean conditionFailed(TransactionCanceledException e, int index) {
        if (!e.hasCancellationReasons() || e.cancellationReasons().size() <= index) {
            return false;
        }
        CancellationReason reason = e.cancellationReasons().get(index);
        return "ConditionalCheckFailed".equals(reason.code());
    }
}
