package dev.orderchainer.notifier.publish;

import dev.orderchainer.common.aws.Failures;
import dev.orderchainer.common.json.Json;
import dev.orderchainer.common.observability.SkippedRecords;
import dev.orderchainer.orders.events.EventQueue;
import dev.orderchainer.orders.events.OrderEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.KmsAccessDeniedException;
import software.amazon.awssdk.services.sqs.model.KmsDisabledException;
import software.amazon.awssdk.services.sqs.model.KmsInvalidKeyUsageException;
import software.amazon.awssdk.services.sqs.model.KmsInvalidStateException;
import software.amazon.awssdk.services.sqs.model.KmsNotFoundException;
import software.amazon.awssdk.services.sqs.model.KmsOptInRequiredException;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * SendMessageBatch in tens; MessageGroupId = user id (order per user), MessageDeduplicationId = event id.
 * An event the queue refuses for good (a sender fault) is skipped and reported, never retried: one
 * such event would otherwise hold back every later change on the stream. When SQS refuses a whole
 * batch for one bad message, the batch is sent again one message at a time so only that one is skipped.
 * A refusal about the queue itself (missing, not ours, its key unusable) would meet every event alike:
 * those are retried like an outage, never charged to the events.
 */
public final class SqsEventQueue implements EventQueue {
    private static final Logger LOG = LoggerFactory.getLogger(SqsEventQueue.class);
    /** SendMessageBatch takes at most 10 entries. */
    private static final int BATCH = 10;
    private final SqsClient sqs;
    private final String queueUrl;
    private final SkippedRecords skipped;

    public SqsEventQueue(SqsClient sqs, String queueUrl, SkippedRecords skipped) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.skipped = skipped;
    }

    @Override
    public int send(List<OrderEvent> events) {
        int done = 0;
        for (int from = 0; from < events.size(); from += BATCH) {
            List<OrderEvent> chunk = events.subList(from, Math.min(events.size(), from + BATCH));
            int chunkDone = sendBatch(chunk);
            done += chunkDone;
            if (chunkDone < chunk.size()) {
                return done;
            }
        }
        return done;
    }

    /** @return how many events, from the first, were sent or skipped for good */
    private int sendBatch(List<OrderEvent> chunk) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            entries.add(entry(Integer.toString(i), chunk.get(i)));
        }
        SendMessageBatchResponse response;
        try {
            response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
        } catch (SdkException e) {
            if (Failures.isTransient(e) || aboutTheQueue(e)) {
                LOG.warn("sending {} order events failed; they are retried: {}", chunk.size(), e.toString());
                return 0;
            }
            return sendOneByOne(chunk);
        }
        Map<String, BatchResultErrorEntry> failed = response.failed().stream()
                .collect(Collectors.toMap(BatchResultErrorEntry::id, Function.identity()));
        for (int i = 0; i < chunk.size(); i++) {
            BatchResultErrorEntry failure = failed.get(Integer.toString(i));
            if (failure == null) {
                continue;
            }
            if (!Boolean.TRUE.equals(failure.senderFault())) {
                LOG.warn("the queue could not take an order event now; it is retried: {}", failure);
                return i;
            }
            skipped.skip(chunk.get(i).eventId(), "the queue refused the event: " + failure.code() + " " + failure.message());
        }
        return chunk.size();
    }

    private int sendOneByOne(List<OrderEvent> chunk) {
        for (int i = 0; i < chunk.size(); i++) {
            SendMessageBatchRequestEntry entry = entry("0", chunk.get(i));
            try {
                sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(entry.messageBody()).messageGroupId(entry.messageGroupId())
                        .messageDeduplicationId(entry.messageDeduplicationId()));
            } catch (SdkException e) {
                if (Failures.isTransient(e) || aboutTheQueue(e)) {
                    LOG.warn("sending an order event failed; it is retried: {}", e.toString());
                    return i;
                }
                skipped.skip(chunk.get(i).eventId(), "the queue refused the event: " + e.getMessage());
            }
        }
        return chunk.size();
    }

    /** The queue cannot take any event now: it does not exist (yet, or any more), we may not use it, or its KMS key is unusable. */
    private static boolean aboutTheQueue(SdkException e) {
        return e instanceof QueueDoesNotExistException || e instanceof KmsAccessDeniedException || e instanceof KmsDisabledException
                || e instanceof KmsInvalidKeyUsageException || e instanceof KmsInvalidStateException || e instanceof KmsNotFoundException
                || e instanceof KmsOptInRequiredException || e instanceof AwsServiceException service && service.statusCode() == 403;
    }

    private static SendMessageBatchRequestEntry entry(String id, OrderEvent event) {
        return SendMessageBatchRequestEntry.builder().id(id).messageBody(Json.write(event))
                .messageGroupId(event.userId()).messageDeduplicationId(event.eventId()).build();
    }
}
