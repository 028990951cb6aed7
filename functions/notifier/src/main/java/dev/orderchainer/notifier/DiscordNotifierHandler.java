package dev.orderchainer.notifier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.orderchainer.common.aws.AwsClients;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.json.Json;
import dev.orderchainer.delivery.domain.OutboxWriter;
import dev.orderchainer.delivery.domain.SenderNudges;
import dev.orderchainer.delivery.queue.SqsSenderNudges;
import dev.orderchainer.delivery.store.DynamoDbOutbox;
import dev.orderchainer.discord.store.DynamoDbIntegrationStore;
import dev.orderchainer.orders.events.OrderEvent;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * On the order events queue (FIFO, ReportBatchItemFailures): puts each user's wanted events into their
 * Discord outbox in queue order and nudges the sender for those users. Unreadable messages are reported
 * (they reach the DLQ); a failure to store or nudge fails the batch, which the queue retries (adding is idempotent).
 */
public final class DiscordNotifierHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final OutboxWriter writer;
    private final SenderNudges nudges;

    public DiscordNotifierHandler() {
        this(System.getenv());
    }

    public DiscordNotifierHandler(Map<String, String> environment) {
        this(new Env(environment));
    }

    private DiscordNotifierHandler(Env env) {
        AwsClients aws = new AwsClients(env);
        DynamoDbClient dynamoDb = aws.dynamoDb();
        String table = env.required("TABLE_NAME");
        this.writer = new OutboxWriter(new DynamoDbIntegrationStore(dynamoDb, table), new DynamoDbOutbox(dynamoDb, table, Clock.systemUTC()));
        this.nudges = new SqsSenderNudges(aws.build(SqsClient.builder(), "SQS"), env.required("DISCORD_SEND_QUEUE_URL"));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> write(event));
    }

    private SQSBatchResponse write(SQSEvent event) {
        List<OutboxWriter.Queued> batch = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            batch.add(new OutboxWriter.Queued(message.getMessageId(), position(message), parse(message.getBody())));
        }
        OutboxWriter.Outcome outcome = writer.write(batch);
        nudges.nudge(outcome.usersWithNews(), 0);
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        outcome.failed().forEach(id -> failures.add(new SQSBatchResponse.BatchItemFailure(id)));
        return new SQSBatchResponse(failures);
    }

    /** The FIFO queue's sequence number, padded so that text order is queue order (128 bits fit in 40 digits). */
    static String position(SQSEvent.SQSMessage message) {
        String sequence = message.getAttributes() == null ? null : message.getAttributes().get("SequenceNumber");
        if (sequence == null || !sequence.matches("\\d{1,40}")) {
            return null;
        }
        return "0".repeat(40 - sequence.length()) + sequence;
    }

    private static OrderEvent parse(String body) {
        try {
            OrderEvent event = Json.mapper().readValue(body, OrderEvent.class);
            return event.eventId() == null || event.userId() == null || event.type() == null ? null : event;
        } catch (IOException e) {
            return null;
        }
    }
}
