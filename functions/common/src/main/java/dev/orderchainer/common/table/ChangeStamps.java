package dev.orderchainer.common.table;

import dev.orderchainer.common.domain.ChangedBy;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where a store writes who changed an item and when ({@link ChangedBy}), so the activity log can read it from the
 * stream record: the attribute names, and the SET clause with its names and values for an UpdateItem.
 */
public final class ChangeStamps {
    /** Who made the last change a stream record shows (the activity log's actor). */
    public static final String CHANGED_BY = "changed_by";
    /** When that change was made (a stream record's own time has whole seconds only). */
    public static final String CHANGED_AT = "changed_at";
    /** Begins an update expression; further clauses follow after a comma. */
    public static final String SET = "SET #by = :by, #at = :at";

    private ChangeStamps() {}

    /** The stamp's attributes, for an item written whole. */
    public static void put(Map<String, AttributeValue> item, ChangedBy by) {
        item.put(CHANGED_BY, AttributeValue.fromS(by.userId()));
        item.put(CHANGED_AT, AttributeValue.fromS(by.at().toString()));
    }

    /** {@link #SET}'s names, with those of the update's other clauses. */
    public static Map<String, String> names(Map<String, String> others) {
        Map<String, String> all = new HashMap<>(others);
        all.put("#by", CHANGED_BY);
        all.put("#at", CHANGED_AT);
        return all;
    }

    /** {@link #SET}'s values, with those of the update's other clauses and conditions. */
    public static Map<String, AttributeValue> values(ChangedBy by, Map<String, AttributeValue> others) {
        Map<String, AttributeValue> all = new HashMap<>(others);
        all.put(":by", AttributeValue.fromS(by.userId()));
        all.put(":at", AttributeValue.fromS(by.at().toString()));
        return all;
    }
}
