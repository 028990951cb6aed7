package dev.orderchainer.notifier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.orderchainer.common.aws.Failures;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.function.StreamHandler;
import dev.orderchainer.common.observability.SkippedRecords;
import dev.orderchainer.orders.events.EventQueue;
import dev.orderchainer.orders.events.OrderEvent;
import dev.orderchainer.orders.events.OrderEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On the table's stream: turns order changes into events on the FIFO queue. When the queue is
 * briefly unavailable, the first record not sent is reported as failed, so Lambda retries from there
 * (the queue drops repeats by event id). A record that can never become an event (an unreadable
 * image, an event the queue refuses) is skipped and reported, so it holds nothing else back.
 */
public final class OrderEventsPublisherHandler extends StreamHandler<NotifierComponents> {
    private static final Logger LOG = LoggerFactory.getLogger(OrderEventsPublisherHandler.class);
    private final EventQueue queue;
    private final SkippedRecords skipped;

    public OrderEventsPublisherHandler() {
        this(System.getenv());
    }

    public OrderEventsPublisherHandler(Map<String, String> environment) {
        super(new NotifierComponents(new Env(environment)));
        this.skipped = components.skippedRecords("order-events", "order-events-publisher");
        this.queue = components.eventQueue(skipped);
    }

    @Override
    protected StreamsEventResponse handle(DynamodbEvent event, Context context) {
        List<OrderEvent> events = new ArrayList<>();
        List<String> sequences = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            var stream = record.getDynamodb();
            if (!StreamImages.isOrder(stream.getKeys())) {
                continue;
            }
            Instant when = StreamImages.time(stream);
            try {
                OrderEvents.fromChange(record.getEventID(), StreamImages.snapshot(stream.getOldImage()), StreamImages.snapshot(stream.getNewImage()),
                        when.toString()).ifPresent(e -> {
                            events.add(e);
                            sequences.add(stream.getSequenceNumber());
                        });
            } catch (RuntimeException unreadable) {
                skipped.skip(record.getEventID(), "the order image cannot be read: " + unreadable);
            }
        }
        List<OrderEvent> named = events;
        try {
            named = components.named(events);
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                LOG.warn("the names of a batch's people could not be read; the batch is retried: {}", e.toString());
                return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(sequences.get(0))));
            }
            // Names only decorate an embed: the events go without them rather than never.
            LOG.warn("the names of a batch's people cannot be read; its events go without them: {}", e.toString());
        }
        int accepted = queue.send(named);
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        if (accepted < events.size()) {
            failures.add(new StreamsEventResponse.BatchItemFailure(sequences.get(accepted)));
        }
        return new StreamsEventResponse(failures);
    }
}
