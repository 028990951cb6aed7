package dev.orderchainer.notifier.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.common.observability.EmfMetrics;
import dev.orderchainer.common.observability.SkippedRecords;
import dev.orderchainer.local.LocalServices;
import dev.orderchainer.orders.domain.OrderStatus;
import dev.orderchainer.orders.events.OrderEvent;
import dev.orderchainer.orders.events.OrderEvents;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The publisher's queue adapter against ElasticMQ: what is sent, retried and skipped. */
class SqsEventQueueTest {
    private static final LocalServices LOCAL = LocalServices.shared();
    private final SqsClient sqs = LOCAL.sqs();
    private final List<String> metrics = new ArrayList<>();
    private final SkippedRecords skipped = new SkippedRecords(new EmfMetrics("test", "test", metrics::add, Clock.systemUTC()), "test");

    private static List<OrderEvent> events(int count) {
        List<OrderEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(OrderEvents.event(UUID.randomUUID().toString(), OrderEvent.Type.CREATED, "user-1", "01JDQ8X3V7M2K9P4R6T8W0Y2A" + i % 10,
                    "Order " + i, "", null, OrderStatus.PENDING, List.of(), List.of(), "2026-11-25T12:00:00Z", null));
        }
        return events;
    }

    private String newQueueUrlNotCreatedYet(String name) {
        String existing = sqs.createQueue(r -> r.queueName("probe-" + name + ".fifo")
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
        return existing.replace("probe-" + name, name);
    }

    @Test
    void aQueueThatDoesNotExistHoldsEveryEventBackAndSkipsNone() {
        String name = "gone-" + UUID.randomUUID().toString().substring(0, 8);
        String url = newQueueUrlNotCreatedYet(name);
        SqsEventQueue queue = new SqsEventQueue(sqs, url, skipped);
        List<OrderEvent> events = events(12);
        assertEquals(0, queue.send(events), "nothing is sent, so the stream gives the records again");
        assertTrue(metrics.isEmpty(), "no event was charged with the queue's absence: " + metrics);

        sqs.createQueue(r -> r.queueName(name + ".fifo").attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false")));
        assertEquals(12, queue.send(events), "once the queue is back every event goes");
        List<String> received = new ArrayList<>();
        for (int round = 0; round < 5 && received.size() < 12; round++) {
            // One message group (the user): the next ten come once these are deleted.
            for (Message message : sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages()) {
                received.add(message.body());
                sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()));
            }
        }
        assertEquals(12, received.size());
        assertTrue(received.get(11).contains("\"title\":\"Order 11\""), received.get(11));
    }
}
