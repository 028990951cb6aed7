package dev.orderchainer.notifier.publish;

import dev.orderchainer.common.json.Json;
import dev.orderchainer.notifier.events.OrderEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** SendMessageBatch in tens; MessageGroupId = user id (order per user), MessageDeduplicationId = event id. */
public final class SqsEventQueue implements EventQueue {
    private static final Logger LOG = LoggerFactory.getLogger(SqsEventQueue.class);
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsEventQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public int send(List<OrderEvent> events) {
        int accepted = 0;
        for (int from = 0; from < events.size(); from += 10) {
            List<OrderEvent> chunk = events.subList(from, Math.min(events.size(), from + 10));
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                OrderEvent event = chunk.get(i);
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(Json.write(event))
                        .messageGroupId(event.userId()).messageDeduplicationId(event.eventId()).build());
            }
            SendMessageBatchResponse response;
            try {
                response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
            } catch (SdkException e) {
                LOG.warn("sending {} order events failed: {}", chunk.size(), e.toString());
                return accepted;
            }
            Set<Integer> failed = new HashSet<>();
            response.failed().forEach(f -> failed.add(Integer.parseInt(f.id())));
            for (int i = 0; i < chunk.size(); i++) {
                if (failed.contains(i)) {
                    LOG.warn("the queue refused an order event: {}", response.failed());
                    return accepted;
                }
                accepted++;
            }
        }
        return accepted;
    }
}
