package dev.orderchainer.orders.domain;

import static dev.orderchainer.orders.testing.OrderTestData.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orderchainer.common.text.InvalidTextException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What a request may contain, at each limit and one past it. */
class OrderInputTest {
    @Test
    void aTitleIsRequiredAndHoldsAtMost200Characters() {
        assertEquals("Field 'title' is required", assertThrows(InvalidTextException.class, () -> OrderInput.title(null)).getMessage());
        assertEquals(200, OrderInput.title("t".repeat(200)).length());
        InvalidTextException tooLong = assertThrows(InvalidTextException.class, () -> OrderInput.title("t".repeat(201)));
        assertEquals("title", tooLong.field());
    }

    @Test
    void aDescriptionIsOptionalAndHoldsAtMost4000Characters() {
        assertEquals("", OrderInput.description(null));
        assertEquals(4000, OrderInput.description("d".repeat(4000)).length());
        assertEquals("description", assertThrows(InvalidTextException.class, () -> OrderInput.description("d".repeat(4001))).field());
    }

    @Test
    void anOrderHasAtMost50Dependencies() {
        List<String> fifty = IntStream.range(0, 50).mapToObj(i -> newId()).toList();
        assertEquals(fifty, OrderInput.dependencies(fifty, null));
        List<String> more = new ArrayList<>(fifty);
        more.add(newId());
        assertEquals("An order can have at most 50 dependencies, got 51",
                assertThrows(OrderInputException.class, () -> OrderInput.dependencies(more, null)).getMessage());
        assertEquals(List.of(), OrderInput.dependencies(null, null));
    }

    @Test
    void dependenciesAreDistinctIdsOtherThanTheOrderItself() {
        String self = newId();
        String other = newId();
        assertEquals("An order cannot depend on itself",
                assertThrows(OrderInputException.class, () -> OrderInput.dependencies(List.of(other, self), self)).getMessage());
        OrderInputException nul = assertThrows(OrderInputException.class, () -> OrderInput.dependencies(Arrays.asList(other, null), self));
        assertEquals("Field 'dependencies' must not contain null", nul.getMessage());
        assertEquals("Dependencies must not repeat: " + other,
                assertThrows(OrderInputException.class, () -> OrderInput.dependencies(List.of(other, self, other), null)).getMessage());
        DependenciesNotFoundException malformed = assertThrows(DependenciesNotFoundException.class,
                () -> OrderInput.dependencies(List.of(other, "../x"), self));
        assertEquals(Map.of("missing", List.of("../x")), malformed.facts());
    }

    @Test
    void aDraftIsPendingUnlessToldAndStartsOnlyWhenAsked() {
        OrderDraft draft = OrderDraft.of(new OrderRequests.Create("t", null, null, null, null));
        assertEquals(new OrderDraft("t", "", OrderStatus.PENDING, List.of(), false, null), draft);
        assertEquals(true, OrderDraft.of(new OrderRequests.Create("t", "d", OrderStatus.ACTIVE, null, true)).autoActivate());
    }

    @Test
    void changesLeaveAbsentFieldsAbsent() {
        String id = newId();
        assertEquals(new OrderChanges(null, null, null, null, null, null),
                OrderChanges.of(id, new OrderRequests.Update(null, null, null, null, null, null)));
        assertEquals(new OrderChanges("t", "", OrderStatus.FAILED, List.of(), false, 3L),
                OrderChanges.of(id, new OrderRequests.Update("t", "", OrderStatus.FAILED, List.of(), false, 3L)));
        assertEquals(new OrderChanges(null, null, OrderStatus.ACTIVE, null, null, 4L), OrderChanges.move(OrderStatus.ACTIVE, 4));
    }
}
