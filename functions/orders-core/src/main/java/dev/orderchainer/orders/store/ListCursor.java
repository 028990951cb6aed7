package dev.orderchainer.orders.store;

import dev.orderchainer.common.table.PageCursors;
import dev.orderchainer.orders.domain.InvalidCursorException;
import dev.orderchainer.orders.domain.OrderIds;
import dev.orderchainer.orders.domain.OrderStatus;
import java.util.List;
import java.util.Optional;

/**
 * The next_cursor of an order listing: opaque to clients, and never a DynamoDB key taken from them.
 * It holds only which listing it continues (user and status filter) and the last order id; the key
 * is rebuilt from those, so anything else a client sends (other fields, nulls, another user's or
 * another filter's cursor) is refused field by field.
 */
final class ListCursor {
    /** Far above any cursor this class writes: a longer one is refused before decoding. */
    private static final int MAX_LENGTH = 256;

    private ListCursor() {}

    static String encode(String userId, Optional<OrderStatus> status, String lastOrderId) {
        return PageCursors.encode(userId, listing(status), lastOrderId);
    }

    /**
     * @return the id of the last order of the previous page
     * @throws InvalidCursorException for anything not written by {@link #encode} for this listing
     */
    static String lastOrderId(String cursor, String userId, Optional<OrderStatus> status) {
        List<String> fields;
        try {
            fields = PageCursors.decode(cursor, 3, MAX_LENGTH);
        } catch (PageCursors.MalformedCursorException malformed) {
            throw new InvalidCursorException(switch (malformed.problem()) {
                case TOO_LONG -> "cursor too long";
                case NOT_BASE64URL_TEXT -> "cursor not base64url text";
                case OTHER_FORM -> "cursor of another format";
            });
        }
        if (!fields.get(0).equals(userId) || !fields.get(1).equals(listing(status))) {
            throw new InvalidCursorException("cursor of another listing");
        }
        if (!OrderIds.isValid(fields.get(2))) {
            throw new InvalidCursorException("cursor without a valid order id");
        }
        return fields.get(2);
    }

    private static String listing(Optional<OrderStatus> status) {
        return status.map(OrderStatus::wire).orElse("all");
    }
}
