package dev.orderchainer.localcloud;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderchainer.local.LocalAws;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Reads a DynamoDB stream shard by shard (parents before children) and invokes a function with
 * stream events, as a Lambda event source mapping does: batches up to BatchSize, retries a failed
 * batch from its first failed record (ReportBatchItemFailures) until MaximumRetryAttempts, then
 * sends the batch's description to the OnFailure queue and moves on. With BisectBatchOnFunctionError
 * a batch whose invocation fails is split in half (without counting a retry) until the failing record
 * is alone; records older than MaximumRecordAgeInSeconds are described to OnFailure instead of
 * delivered. Checkpoints survive restarts when a checkpoint file is given.
 */
public final class DynamoDbStreamEventSourceMapping implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbStreamEventSourceMapping.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DynamoDbStreamsClient streams;
    private final SqsClient sqs;
    private final String streamArn;
    private final LocalFunction function;
    private final Settings settings;
    private final Path checkpointFile;
    private final Map<String, ShardState> shards = new LinkedHashMap<>();
    private final Map<String, String> checkpoints = new ConcurrentHashMap<>();
    private final boolean startAtLatest;
    private volatile boolean running = true;

    /** The mapping's properties from the template. */
    public record Settings(int batchSize, String startingPosition, int maximumRetryAttempts,
                           boolean reportBatchItemFailures, String onFailureQueueUrl, boolean bisectOnFunctionError,
                           int maximumRecordAgeSeconds) {}

    /** How one invocation went: null {@code retryFrom} on success; {@code crashed} when the function itself failed. */
    private record Outcome(String retryFrom, boolean crashed) {}

    private static final class ShardState {
        final String shardId;
        final String parentId;
        String iterator;
        boolean finished;
        int retries;
        /** Below BatchSize while a failing batch is being bisected. */
        int limit;

        ShardState(String shardId, String parentId) {
            this.shardId = shardId;
            this.parentId = parentId;
        }
    }

    public DynamoDbStreamEventSourceMapping(DynamoDbStreamsClient streams, SqsClient sqs, String streamArn,
                                            LocalFunction function, Settings settings, Path checkpointFile) {
        this.streams = streams;
        this.sqs = sqs;
        this.streamArn = streamArn;
        this.function = function;
        this.settings = settings;
        this.checkpointFile = checkpointFile;
        loadCheckpoints();
        this.startAtLatest = "LATEST".equals(settings.startingPosition()) && checkpoints.isEmpty();
        // Shards open when the mapping is created start where StartingPosition says.
        discoverShards(true);
    }

    @Override
    public void run() {
        long lastDiscovery = System.currentTimeMillis();
        while (running) {
            try {
                if (System.currentTimeMillis() - lastDiscovery > 1000) {
                    discoverShards(false);
                    lastDiscovery = System.currentTimeMillis();
                }
                boolean delivered = false;
                for (ShardState shard : List.copyOf(shards.values())) {
                    if (!shard.finished && parentDone(shard)) {
                        delivered |= poll(shard);
                    }
                }
                if (!delivered) {
                    Thread.sleep(200);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("reading stream {} failed: {}", streamArn, e.toString());
                    sleepQuietly(1000);
                }
            }
        }
    }

    public void stop() {
        running = false;
    }

    private boolean parentDone(ShardState shard) {
        ShardState parent = shard.parentId == null ? null : shards.get(shard.parentId);
        return parent == null || parent.finished;
    }

    private void discoverShards(boolean atCreation) {
        String lastShard = null;
        do {
            String start = lastShard;
            StreamDescription description = streams.describeStream(r -> r.streamArn(streamArn).exclusiveStartShardId(start))
                    .streamDescription();
            for (Shard shard : description.shards()) {
                shards.computeIfAbsent(shard.shardId(), id -> {
                    ShardState state = new ShardState(id, shard.parentShardId());
                    state.limit = settings.batchSize();
                    state.iterator = firstIterator(id, atCreation);
                    return state;
                });
            }
            lastShard = description.lastEvaluatedShardId();
        } while (lastShard != null);
    }

    private String firstIterator(String shardId, boolean atCreation) {
        String checkpoint = checkpoints.get(shardId);
        if (checkpoint != null) {
            return streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shardId)
                    .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(checkpoint)).shardIterator();
        }
        ShardIteratorType type = atCreation && startAtLatest ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON;
        return streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shardId).shardIteratorType(type)).shardIterator();
    }

    /** @return whether records were handed to the function */
    private boolean poll(ShardState shard) {
        if (shard.iterator == null) {
            shard.finished = true;
            return false;
        }
        GetRecordsResponse response = streams.getRecords(r -> r.shardIterator(shard.iterator).limit(shard.limit));
        List<Record> records = response.records();
        if (records.isEmpty()) {
            shard.iterator = response.nextShardIterator();
            shard.finished = shard.iterator == null;
            return false;
        }
        int expired = expiredPrefix(records, Instant.now(), settings.maximumRecordAgeSeconds());
        if (expired > 0) {
            LOG.warn("{} skips {} stream records of shard {} older than {} s", function.name(), expired, shard.shardId,
                    settings.maximumRecordAgeSeconds());
            sendToOnFailure(shard.shardId, records.subList(0, expired), "RecordAgeExceeded");
            String lastExpired = records.get(expired - 1).dynamodb().sequenceNumber();
            checkpoint(shard.shardId, lastExpired);
            shard.iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard.shardId)
                    .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(lastExpired)).shardIterator();
            return true;
        }
        Outcome outcome = deliver(records);
        if (outcome.retryFrom() == null) {
            advance(shard, records.get(records.size() - 1).dynamodb().sequenceNumber(), response.nextShardIterator());
            shard.limit = settings.batchSize();
            return true;
        }
        String failedFrom = outcome.retryFrom();
        if (outcome.crashed() && settings.bisectOnFunctionError() && records.size() > 1) {
            // Splitting a batch does not count as a retry; the half with the bad record is split again.
            shard.limit = Math.max(1, records.size() / 2);
            shard.iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard.shardId)
                    .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(failedFrom)).shardIterator();
            return true;
        }
        shard.retries++;
        int maxRetries = settings.maximumRetryAttempts();
        if (maxRetries >= 0 && shard.retries > maxRetries) {
            List<Record> givenUp = records.subList(indexOf(records, failedFrom), records.size());
            LOG.warn("{} gave up on {} stream records of shard {} after {} retries", function.name(), givenUp.size(),
                    shard.shardId, maxRetries);
            sendToOnFailure(shard.shardId, givenUp, "RetryAttemptsExhausted");
            advance(shard, records.get(records.size() - 1).dynamodb().sequenceNumber(), response.nextShardIterator());
            shard.limit = settings.batchSize();
            return true;
        }
        // Records before the first failure are done; the rest is retried after a backoff.
        String lastGood = null;
        for (Record record : records) {
            if (record.dynamodb().sequenceNumber().equals(failedFrom)) {
                break;
            }
            lastGood = record.dynamodb().sequenceNumber();
        }
        if (lastGood != null) {
            checkpoint(shard.shardId, lastGood);
        }
        sleepQuietly(Math.min(5000, 100L << Math.min(shard.retries, 6)));
        shard.iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard.shardId)
                .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(failedFrom)).shardIterator();
        return true;
    }

    /** How many records at the start of the batch are older than the maximum age (-1: no limit), as Lambda judges them. */
    static int expiredPrefix(List<Record> records, Instant now, int maximumAgeSeconds) {
        if (maximumAgeSeconds < 0) {
            return 0;
        }
        int expired = 0;
        for (Record record : records) {
            Instant created = record.dynamodb().approximateCreationDateTime();
            if (created == null || !created.plusSeconds(maximumAgeSeconds).isBefore(now)) {
                break;
            }
            expired++;
        }
        return expired;
    }

    private static int indexOf(List<Record> records, String sequence) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).dynamodb().sequenceNumber().equals(sequence)) {
                return i;
            }
        }
        return 0;
    }

    private void advance(ShardState shard, String lastSequence, String next) {
        checkpoint(shard.shardId, lastSequence);
        shard.retries = 0;
        shard.iterator = next;
        shard.finished = next == null;
    }

    private Outcome deliver(List<Record> records) {
        try {
            byte[] output = function.invoke(event(records));
            if (!settings.reportBatchItemFailures()) {
                return new Outcome(null, false);
            }
            JsonNode failures = JSON.readTree(output).path("batchItemFailures");
            String earliest = null;
            for (JsonNode failure : failures) {
                String sequence = failure.path("itemIdentifier").asText("");
                boolean known = records.stream().anyMatch(r -> r.dynamodb().sequenceNumber().equals(sequence));
                if (!known) {
                    return new Outcome(records.get(0).dynamodb().sequenceNumber(), false);
                }
                if (earliest == null || new BigInteger(sequence).compareTo(new BigInteger(earliest)) < 0) {
                    earliest = sequence;
                }
            }
            return new Outcome(earliest, false);
        } catch (LocalFunction.FunctionError e) {
            LOG.warn("{} failed on {} stream records: {}", function.name(), records.size(), e.getMessage());
            return new Outcome(records.get(0).dynamodb().sequenceNumber(), true);
        } catch (IOException e) {
            // Not JSON: Lambda cannot tell what succeeded, so the whole batch failed.
            LOG.warn("{} answered what is not a batch response ({}); the batch is retried", function.name(), e.toString());
            return new Outcome(records.get(0).dynamodb().sequenceNumber(), false);
        }
    }

    private byte[] event(List<Record> records) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode array = event.putArray("Records");
        for (Record record : records) {
            ObjectNode node = array.addObject();
            node.put("eventID", record.eventID());
            node.put("eventName", record.eventNameAsString());
            node.put("eventVersion", record.eventVersion() == null ? "1.1" : record.eventVersion());
            node.put("eventSource", "aws:dynamodb");
            node.put("awsRegion", LocalAws.REGION);
            ObjectNode dynamodb = node.putObject("dynamodb");
            var stream = record.dynamodb();
            if (stream.approximateCreationDateTime() != null) {
                dynamodb.put("ApproximateCreationDateTime", stream.approximateCreationDateTime().getEpochSecond());
            }
            dynamodb.set("Keys", AttributeValueJson.item(JSON, stream.keys()));
            if (stream.hasNewImage()) {
                dynamodb.set("NewImage", AttributeValueJson.item(JSON, stream.newImage()));
            }
            if (stream.hasOldImage()) {
                dynamodb.set("OldImage", AttributeValueJson.item(JSON, stream.oldImage()));
            }
            dynamodb.put("SequenceNumber", stream.sequenceNumber());
            dynamodb.put("SizeBytes", stream.sizeBytes());
            dynamodb.put("StreamViewType", stream.streamViewTypeAsString());
            node.put("eventSourceARN", streamArn);
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What Lambda sends an OnFailure destination for a stream batch: where it was, not the records. */
    private void sendToOnFailure(String shardId, List<Record> records, String condition) {
        if (settings.onFailureQueueUrl() == null) {
            return;
        }
        ObjectNode message = JSON.createObjectNode();
        message.putObject("requestContext").put("condition", condition)
                .put("functionArn", "arn:aws:lambda:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT_ID + ":function:" + function.name());
        ObjectNode info = message.putObject("DDBStreamBatchInfo");
        info.put("shardId", shardId);
        info.put("startSequenceNumber", records.get(0).dynamodb().sequenceNumber());
        info.put("endSequenceNumber", records.get(records.size() - 1).dynamodb().sequenceNumber());
        info.put("batchSize", records.size());
        info.put("streamArn", streamArn);
        sqs.sendMessage(r -> r.queueUrl(settings.onFailureQueueUrl()).messageBody(message.toString()));
    }

    private void checkpoint(String shardId, String sequence) {
        checkpoints.put(shardId, sequence);
        if (checkpointFile != null) {
            try {
                Files.createDirectories(checkpointFile.getParent());
                Files.write(checkpointFile, JSON.writeValueAsBytes(checkpoints));
            } catch (IOException e) {
                LOG.warn("cannot save stream checkpoint {}: {}", checkpointFile, e.toString());
            }
        }
    }

    private void loadCheckpoints() {
        if (checkpointFile != null && Files.isRegularFile(checkpointFile)) {
            try {
                checkpoints.putAll(JSON.readValue(checkpointFile.toFile(), new TypeReference<Map<String, String>>() {}));
            } catch (IOException e) {
                LOG.warn("ignoring unreadable stream checkpoint {}: {}", checkpointFile, e.toString());
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
