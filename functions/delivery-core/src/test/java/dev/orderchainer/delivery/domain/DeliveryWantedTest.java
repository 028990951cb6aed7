package dev.orderchainer.delivery.domain;

import static dev.orderchainer.delivery.testing.OrderEventTestData.anEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orderchainer.discord.domain.Notifications;
import dev.orderchainer.orders.domain.OrderStatus;
import dev.orderchainer.orders.events.OrderEvent;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which toggle lets each kind of change through: the others off, that one alone on. */
class DeliveryWantedTest {
    private static final List<String> TOGGLES = List.of("created", "updated", "completed", "failed", "ready", "blocked");

    private static Notifications only(String toggle) {
        return new Notifications(toggle.equals("created"), toggle.equals("updated"), toggle.equals("completed"), toggle.equals("failed"),
                toggle.equals("ready"), toggle.equals("blocked"));
    }

    @ParameterizedTest(name = "{0} to {1} is let through by {2}")
    @CsvSource({
        "CREATED, PENDING, created",
        "READY, PENDING, ready",
        "BLOCKED, PENDING, blocked",
        "STATUS_CHANGED, COMPLETED, completed",
        "STATUS_CHANGED, FAILED, failed",
        "STATUS_CHANGED, ACTIVE, updated",
        "STATUS_CHANGED, PENDING, updated",
        "UPDATED, ACTIVE, updated",
        "DELETED, PENDING, updated",
    })
    void eachChangeHasExactlyOneToggle(OrderEvent.Type type, OrderStatus to, String toggle) {
        OrderEvent event = anEvent().type(type).to(to).build();
        for (String candidate : TOGGLES) {
            assertEquals(candidate.equals(toggle), DiscordSender.wanted(only(candidate), event), candidate);
        }
    }
}
