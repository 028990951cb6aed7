package dev.orderchainer.notifier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.function.QueueHandler;
import dev.orderchainer.common.json.Json;
import dev.orderchainer.delivery.domain.OutboxWriter;
import dev.orderchainer.delivery.domain.SenderNudges;
import dev.orderchainer.orders.events.OrderEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * On the order events queue (FIFO, ReportBatchItemFailures): puts each change into the outbox of each of its
 * workspace's webhooks that wants it, in queue order, and nudges the sender for those webhooks. Unreadable messages are reported
 * (they reach the DLQ); a failure to store or nudge fails the batch, which the queue retries (adding is idempotent).
 */
public final class DiscordNotifierHandler extends QueueHandler<NotifierComponents> {
    private final OutboxWriter writer;
    private final SenderNudges nudges;

    public DiscordNotifierHandler() {
        this(System.getenv());
    }

    public DiscordNotifierHandler(Map<String, String> environment) {
        super(new NotifierComponents(new Env(environment)));
        this.writer = components.outboxWriter();
        this.nudges = components.senderNudges();
    }

    @Override
    protected SQSBatchResponse handle(SQSEvent event, Context context) {
        List<OutboxWriter.Queued> batch = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            batch.add(new OutboxWriter.Queued(message.getMessageId(), position(message), parse(message.getBody())));
        }
        OutboxWriter.Outcome outcome = writer.write(batch);
        nudges.nudge(outcome.webhooksWithNews(), 0);
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
