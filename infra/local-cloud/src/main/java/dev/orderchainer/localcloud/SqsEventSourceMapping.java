package dev.orderchainer.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderchainer.local.LocalAws;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Polls a queue and invokes a function with SQS events, as a Lambda event source mapping does:
 * batches up to BatchSize (within MaximumBatchingWindowInSeconds), deletes what succeeded, leaves
 * failed messages to reappear after their visibility timeout (the queue's RedrivePolicy moves them
 * to the DLQ after maxReceiveCount), and honours ReportBatchItemFailures.
 */
public final class SqsEventSourceMapping implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(SqsEventSourceMapping.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final LocalFunction function;
    private final int batchSize;
    private final long batchingWindowMillis;
    private final boolean reportBatchItemFailures;
    private volatile boolean running = true;

    public SqsEventSourceMapping(SqsClient sqs, String queueUrl, String queueArn, LocalFunction function,
                                 int batchSize, int batchingWindowSeconds, boolean reportBatchItemFailures) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.function = function;
        this.batchSize = batchSize;
        this.batchingWindowMillis = batchingWindowSeconds * 1000L;
        this.reportBatchItemFailures = reportBatchItemFailures;
    }

    @Override
    public void run() {
        while (running) {
            try {
                List<Message> batch = receiveBatch();
                if (!batch.isEmpty()) {
                    deliver(batch);
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("polling {} failed: {}", queueArn, e.toString());
                    sleep(1000);
                }
            }
        }
    }

    public void stop() {
        running = false;
    }

    private List<Message> receiveBatch() {
        List<Message> batch = new ArrayList<>();
        long deadline = System.currentTimeMillis() + batchingWindowMillis;
        do {
            int wanted = Math.min(10, batchSize - batch.size());
            batch.addAll(sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(wanted).waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages());
        } while (running && batch.size() < batchSize && System.currentTimeMillis() < deadline);
        return batch;
    }

    /** Runs one batch; returns the ids of messages that failed (and stay on the queue). */
    Set<String> deliver(List<Message> batch) {
        Set<String> failed = new HashSet<>();
        try {
            byte[] output = function.invoke(event(batch));
            failed.addAll(reportedFailures(output, batch));
        } catch (LocalFunction.FunctionError e) {
            LOG.warn("{} failed on a batch of {} from {}: {}", function.name(), batch.size(), queueArn, e.getMessage());
            batch.forEach(m -> failed.add(m.messageId()));
        }
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message message : batch) {
            if (!failed.contains(message.messageId())) {
                done.add(DeleteMessageBatchRequestEntry.builder().id(message.messageId()).receiptHandle(message.receiptHandle()).build());
            }
        }
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(done));
        }
        return failed;
    }

    /** A malformed failure report, or an answer that is not JSON at all, fails the whole batch, as Lambda does. */
    private Set<String> reportedFailures(byte[] output, List<Message> batch) {
        if (!reportBatchItemFailures) {
            return Set.of();
        }
        Set<String> ids = new HashSet<>();
        batch.forEach(m -> ids.add(m.messageId()));
        Set<String> failed = new HashSet<>();
        try {
            JsonNode failures = JSON.readTree(output).path("batchItemFailures");
            for (JsonNode failure : failures) {
                String id = failure.path("itemIdentifier").asText("");
                if (!ids.contains(id)) {
                    LOG.warn("{} reported unknown itemIdentifier '{}'; the whole batch is retried", function.name(), id);
                    return ids;
                }
                failed.add(id);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} answered what is not a batch response ({}); the whole batch is retried", function.name(), e.toString());
            return ids;
        }
        return failed;
    }

    private byte[] event(List<Message> batch) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : batch) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            message.attributesAsStrings().forEach(attributes::put);
            ObjectNode messageAttributes = record.putObject("messageAttributes");
            message.messageAttributes().forEach((name, value) -> {
                ObjectNode attribute = messageAttributes.putObject(name);
                attribute.put("stringValue", value.stringValue());
                attribute.put("dataType", value.dataType());
            });
            record.put("md5OfBody", message.md5OfBody());
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", LocalAws.REGION);
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
