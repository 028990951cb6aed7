package dev.orderchainer.orders.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderStatusTest {
    @Test
    void onlyTheAllowedTransitionsExist() {
        assertEquals(EnumSet.of(OrderStatus.ACTIVE, OrderStatus.FAILED), OrderStatus.PENDING.next());
        assertEquals(EnumSet.of(OrderStatus.COMPLETED, OrderStatus.FAILED, OrderStatus.PENDING), OrderStatus.ACTIVE.next());
        assertEquals(EnumSet.of(OrderStatus.PENDING), OrderStatus.FAILED.next());
        assertTrue(OrderStatus.COMPLETED.next().isEmpty());
        assertTrue(OrderStatus.ACTIVE.needsCompletedDependencies() && OrderStatus.COMPLETED.needsCompletedDependencies());
        assertFalse(OrderStatus.PENDING.needsCompletedDependencies());
        assertTrue(OrderStatus.PENDING.allowsDependencyChanges() && OrderStatus.FAILED.allowsDependencyChanges());
        assertFalse(OrderStatus.ACTIVE.allowsDependencyChanges());
    }

    @Test
    void statusesAreReadAndWrittenInLowerCaseOnly() {
        for (OrderStatus status : OrderStatus.values()) {
            assertEquals(Optional.of(status), OrderStatus.parse(status.wire()));
            assertEquals(status.name().toLowerCase(), status.toString());
        }
        assertEquals(Optional.empty(), OrderStatus.parse("ACTIVE"));
        assertEquals(Optional.empty(), OrderStatus.parse("done"));
        assertEquals(Optional.empty(), OrderStatus.parse(null));
    }

    @Test
    void eachStatusHasItsOwnColourAndPendingSharesGreyWithNoStatus() {
        assertEquals("#95a5a6", StatusPalette.hex(OrderStatus.PENDING));
        assertEquals("#3498db", StatusPalette.hex(OrderStatus.ACTIVE));
        assertEquals("#2ecc71", StatusPalette.hex(OrderStatus.COMPLETED));
        assertEquals("#e74c3c", StatusPalette.hex(OrderStatus.FAILED));
        assertEquals(0x95A5A6, StatusPalette.rgb(null));
        assertEquals(StatusPalette.GREY, StatusPalette.rgb(OrderStatus.PENDING));
        assertEquals(0x2ECC71, StatusPalette.rgb(OrderStatus.COMPLETED));
    }
}
