package dev.orderchainer.orders.store;

import dev.orderchainer.orders.domain.InvalidCursorException;
import dev.orderchainer.orders.domain.OrderIds;
import dev.orderchainer.orders.domain.OrderStatus;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The next_cursor of an order listing: opaque to clients, and never a DynamoDB key taken from them.
 * It holds only which listing it continues (user and status filter) and the last order id; the key
 * is rebuilt from those, so anything else a client sends (other fields, nulls, another user's or
 * another filter's cursor) is refused field by field.
 */
final class ListCursor {
    private static final String VERSION = "1";
    /** Far above any cursor this class writes: a longer one is refused before decoding. */
    private static final int MAX_LENGTH = 256;

    private ListCursor() {}

    static String encode(String userId, Optional<OrderStatus> status, String lastOrderId) {
        String plain = String.join("|", VERSION, userId, listing(status), lastOrderId);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @return the id of the last order of the previous page
     * @throws InvalidCursorException for anything not written by {@link #encode} for this listing
     */
    static String lastOrderId(String cursor, String userId, Optional<OrderStatus> status) {
        if (cursor.length() > MAX_LENGTH) {
            throw new InvalidCursorException("cursor too long");
        }
        String plain;
        try {
            plain = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor))).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            // Base64's refusal is an IllegalArgumentException: caught here, where nothing else can throw one.
            throw new InvalidCursorException("cursor not base64url text");
        }
        String[] fields = plain.split("\\|", -1);
        if (fields.length != 4 || !fields[0].equals(VERSION)) {
            throw new InvalidCursorException("cursor of another format");
        }
        if (!fields[1].equals(userId) || !fields[2].equals(listing(status))) {
            throw new InvalidCursorException("cursor of another listing");
        }
        if (!OrderIds.isValid(fields[3])) {
            throw new InvalidCursorException("cursor without a valid order id");
        }
        return fields[3];
    }

    private static String listing(Optional<OrderStatus> status) {
        return status.map(OrderStatus::wire).orElse("all");
    }
}
