package dev.orderchainer.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sqs.model.Message;

/** The local cloud's stream and queue pollers behave like Lambda event source mappings. */
class EventSourceMappingTest {
    private static LocalCloud cloud;

    @BeforeAll
    static void start() throws Exception {
        cloud = LocalCloud.start(LocalCloud.Options.forTests(
                Path.of(EventSourceMappingTest.class.getResource("/event-sources-template.yaml").toURI())));
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void functionsGetTheTemplateEnvironmentWithIntrinsicsResolvedToLocalNames() {
        Map<String, String> env = cloud.functions().get("StreamFunction").environment();
        assertEquals("esm-events", env.get("TABLE_NAME"));
        assertEquals("WorkQueue.fifo", env.get("WORK_QUEUE_NAME"));
        assertTrue(env.get("FAILURES_QUEUE").startsWith(cloud.services().sqsServer().endpoint().toString()), env.toString());
        assertEquals("hello from us-east-1 via esm-events", env.get("GREETING"));
        assertEquals(cloud.services().dynamoDbServer().endpoint().toString(), env.get("AWS_ENDPOINT_URL_DYNAMODB"));
    }

    @Test
    void streamRecordsArriveWithOldAndNewImagesAndFailuresAreRetriedThenSentToOnFailure() {
        var dynamo = cloud.services().dynamoDb();
        dynamo.putItem(r -> r.tableName("esm-events").item(Map.of("pk", s("a"), "v", n("1"))));
        dynamo.putItem(r -> r.tableName("esm-events").item(Map.of("pk", s("a"), "v", n("2"))));
        await(() -> countFor("a") >= 2, "two records for item a");
        DynamodbEvent.DynamodbStreamRecord modify = seenFor("a").get(1);
        assertEquals("MODIFY", modify.getEventName());
        assertEquals("1", modify.getDynamodb().getOldImage().get("v").getN());
        assertEquals("2", modify.getDynamodb().getNewImage().get("v").getN());
        assertEquals("INSERT", seenFor("a").get(0).getEventName());

        // A failing record is retried (1 try + MaximumRetryAttempts 2); then, as Lambda does, the
        // batch from the failed record on is described to the OnFailure queue and the shard moves on.
        dynamo.putItem(r -> r.tableName("esm-events").item(Map.of("pk", s("bad"), "fail", AttributeValue.fromBool(true))));
        String failuresQueue = cloud.functions().get("StreamFunction").environment().get("FAILURES_QUEUE");
        List<Message> failures = new ArrayList<>();
        await(() -> {
            failures.addAll(cloud.services().sqs().receiveMessage(r -> r.queueUrl(failuresQueue).waitTimeSeconds(1)).messages());
            return !failures.isEmpty();
        }, "the OnFailure message");
        assertTrue(failures.get(0).body().contains("RetryAttemptsExhausted"), failures.get(0).body());
        assertEquals(3, countFor("bad"), "one try and two retries");
        assertEquals(2, countFor("a"), "records before a failure are not redelivered");
        dynamo.putItem(r -> r.tableName("esm-events").item(Map.of("pk", s("after-bad"))));
        await(() -> countFor("after-bad") == 1, "the next record after giving up");
    }

    @Test
    void aBatchThatCrashesTheFunctionIsBisectedUntilTheBadRecordIsAloneAndOnlyItGoesToOnFailure() {
        var dynamo = cloud.services().dynamoDb();
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Map<String, AttributeValue> item = new HashMap<>(Map.of("pk", s("r" + i)));
            if (i == 5) {
                item.put("crash", AttributeValue.fromBool(true));
            }
            writes.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
        }
        dynamo.batchWriteItem(r -> r.requestItems(Map.of("esm-events", writes)));
        String failuresQueue = cloud.functions().get("CrashingFunction").environment().get("FAILURES_QUEUE");
        List<Message> failures = new ArrayList<>();
        await(() -> {
            failures.addAll(cloud.services().sqs().receiveMessage(r -> r.queueUrl(failuresQueue).waitTimeSeconds(1)).messages());
            return !failures.isEmpty();
        }, "the OnFailure message");
        var info = failures.get(0).body();
        assertTrue(info.contains("\"batchSize\":1") && info.contains("RetryAttemptsExhausted"), info);
        dynamo.putItem(r -> r.tableName("esm-events").item(Map.of("pk", s("after"))));
        await(() -> CrashingStreamHandler.DONE.contains("after"), "the record after the bad one");
        for (int i = 0; i < 8; i++) {
            assertEquals(i != 5, CrashingStreamHandler.DONE.contains("r" + i), "r" + i + " in " + CrashingStreamHandler.BATCHES);
        }
        long aloneTries = CrashingStreamHandler.BATCHES.stream().filter(b -> b.equals(List.of("r5"))).count();
        assertEquals(2, aloneTries, "alone: one try and MaximumRetryAttempts 1; " + CrashingStreamHandler.BATCHES);
        assertTrue(CrashingStreamHandler.BATCHES.stream().filter(b -> b.contains("r5")).count() <= 6, "halving, not one record at a time: "
                + CrashingStreamHandler.BATCHES);
    }

    @Test
    void recordsOlderThanTheMaximumAgeAreSkippedFromTheFrontOfABatch() {
        Instant now = Instant.parse("2026-01-01T12:00:00Z");
        List<Record> records = Stream.of(3700, 3601, 3599, 10)
                .map(age -> Record.builder()
                        .dynamodb(d -> d.approximateCreationDateTime(now.minusSeconds(age)).sequenceNumber("1")).build())
                .toList();
        assertEquals(2, DynamoDbStreamEventSourceMapping.expiredPrefix(records, now, 3600));
        assertEquals(0, DynamoDbStreamEventSourceMapping.expiredPrefix(records, now, -1), "-1: records never expire");
        assertEquals(4, DynamoDbStreamEventSourceMapping.expiredPrefix(records, now, 5));
    }

    @Test
    void queueMessagesAreDeletedOnSuccessAndPoisonGoesToTheDeadLetterQueueAfterMaxReceiveCount() {
        var sqs = cloud.services().sqs();
        var resources = cloud.services().stack().resources();
        String work = resources.ref("WorkQueue");
        String dlq = resources.ref("WorkDeadLetterQueue");
        sqs.sendMessage(r -> r.queueUrl(work).messageBody("ok-1").messageGroupId("g1").messageDeduplicationId("ok-1"));
        sqs.sendMessage(r -> r.queueUrl(work).messageBody("poison-1").messageGroupId("g2").messageDeduplicationId("poison-1"));
        sqs.sendMessage(r -> r.queueUrl(work).messageBody("ok-2").messageGroupId("g1").messageDeduplicationId("ok-2"));
        List<Message> dead = new ArrayList<>();
        await(() -> {
            dead.addAll(sqs.receiveMessage(r -> r.queueUrl(dlq).waitTimeSeconds(1)).messages());
            return !dead.isEmpty();
        }, "poison message in the DLQ");
        assertEquals("poison-1", dead.get(0).body());
        assertEquals(3, bodies("poison-1"), "received maxReceiveCount times before redrive");
        assertEquals(1, bodies("ok-1"), "successful messages are deleted, never redelivered");
        assertEquals(1, bodies("ok-2"));
        SQSEvent.SQSMessage first = RecordingSqsHandler.SEEN.stream().filter(m -> m.getBody().equals("ok-1")).findFirst().orElseThrow();
        assertEquals("g1", first.getAttributes().get("MessageGroupId"));
        assertEquals(resources.attribute("WorkQueue", "Arn"), first.getEventSourceArn());
        List<String> groupOne = RecordingSqsHandler.SEEN.stream().map(SQSEvent.SQSMessage::getBody)
                .filter(b -> b.startsWith("ok-")).toList();
        assertEquals(List.of("ok-1", "ok-2"), groupOne, "FIFO order within a group");
    }

    @Test
    void anAnswerThatIsNotJsonFailsTheWholeBatchAsLambdaDoes() {
        var sqs = cloud.services().sqs();
        var resources = cloud.services().stack().resources();
        sqs.sendMessage(r -> r.queueUrl(resources.ref("GarbledQueue")).messageBody("garbled-1"));
        List<Message> dead = new ArrayList<>();
        await(() -> {
            dead.addAll(sqs.receiveMessage(r -> r.queueUrl(resources.ref("GarbledDeadLetterQueue")).waitTimeSeconds(1)).messages());
            return !dead.isEmpty();
        }, "the message kept on the queue until its redrive");
        assertEquals("garbled-1", dead.get(0).body());
        cloud.services().dynamoDb().putItem(r -> r.tableName("esm-events").item(Map.of("pk", s("garbled-stream-1"))));
        List<Message> onFailure = new ArrayList<>();
        await(() -> {
            onFailure.addAll(sqs.receiveMessage(r -> r.queueUrl(resources.ref("GarbledStreamFailureQueue")).waitTimeSeconds(1)).messages());
            return onFailure.stream().anyMatch(m -> m.body().contains("RetryAttemptsExhausted"));
        }, "the stream batch retried, then sent to OnFailure");
    }

    private static long countFor(String pk) {
        return seenFor(pk).size();
    }

    private static List<DynamodbEvent.DynamodbStreamRecord> seenFor(String pk) {
        return RecordingStreamHandler.SEEN.stream()
                .filter(r -> pk.equals(r.getDynamodb().getKeys().get("pk").getS())).toList();
    }

    private static long bodies(String body) {
        return RecordingSqsHandler.SEEN.stream().filter(m -> m.getBody().equals(body)).count();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
