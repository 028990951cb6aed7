package dev.orderchainer.orders.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class OrderRulesTest {
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
    void orderIdsAreUlidsThatSortByTime() {
        OrderIds early = new OrderIds(Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));
        OrderIds late = new OrderIds(Clock.fixed(Instant.parse("2026-11-24T10:00:01Z"), ZoneOffset.UTC));
        String a = early.next();
        String b = late.next();
        assertTrue(OrderIds.isValid(a) && OrderIds.isValid(b), a + " " + b);
        assertTrue(a.compareTo(b) < 0);
        assertEquals(26, a.length());
        assertFalse(OrderIds.isValid("../../etc"));
        assertFalse(OrderIds.isValid("01jdq8x3v7m2k9p4r6t8w0y2a4"));
    }
}
