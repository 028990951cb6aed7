package dev.orderchainer.notifier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.orderchainer.common.aws.Failures;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.function.StreamHandler;
import dev.orderchainer.common.observability.SkippedRecords;
import dev.orderchainer.orders.events.OrderEvents;
import dev.orderchainer.orders.events.OrderSnapshot;
import dev.orderchainer.orders.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On the table's stream: for each order status or dependency change, runs the dependency workflow
 * (ready, auto-activation, blocked by failure) and queues its events; for each member who left a workspace,
 * unassigns its orders there; and first, for the whole batch, writes the workspaces' activity log. A record that fails for a passing
 * reason (DynamoDB or SQS unavailable, throttling) is reported, so Lambda retries from it; one that can
 * never succeed (an image it cannot read, a request DynamoDB refuses) is skipped and reported instead.
 */
public final class OrderWorkflowHandler extends StreamHandler<NotifierComponents> {
    private static final Logger LOG = LoggerFactory.getLogger(OrderWorkflowHandler.class);
    private final Workflow workflow;
    private final SkippedRecords skipped;

    public OrderWorkflowHandler() {
        this(System.getenv());
    }

    public OrderWorkflowHandler(Map<String, String> environment) {
        super(new NotifierComponents(new Env(environment)));
        this.skipped = components.skippedRecords("order-workflow", "order-workflow");
        this.workflow = components.workflow(skipped);
    }

    @Override
    protected StreamsEventResponse handle(DynamodbEvent event, Context context) {
        if (!event.getRecords().isEmpty() && !recordActivity(event.getRecords())) {
            return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(
                    event.getRecords().get(0).getDynamodb().getSequenceNumber())));
        }
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            var stream = record.getDynamodb();
            boolean departure = StreamImages.isMemberRemoval(stream.getKeys(), stream.getNewImage());
            if (!departure && (!StreamImages.isOrder(stream.getKeys()) || stream.getNewImage() == null)) {
                continue;
            }
            boolean done;
            try {
                if (departure) {
                    components.memberLeft(StreamImages.member(stream.getOldImage()));
                    continue;
                }
                done = handle(record.getEventID(), StreamImages.snapshot(stream.getOldImage()), StreamImages.snapshot(stream.getNewImage()),
                        StreamImages.time(stream));
            } catch (RuntimeException e) {
                if (!Failures.isTransient(e)) {
                    skipped.skip(record.getEventID(), "the workflow cannot process this change: " + e);
                    continue;
                }
                LOG.warn("workflow for record {} failed; the record is retried: {}", record.getEventID(), e.toString());
                done = false;
            }
            if (!done) {
                return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(stream.getSequenceNumber())));
            }
        }
        return new StreamsEventResponse(List.of());
    }

    /**
     * The batch's activity entries, written before anything else: a retried batch writes the same entries again (their ids
     * are the records'), so each change is in the log once.
     *
     * @return false when they could not be written yet (the whole batch is retried)
     */
    private boolean recordActivity(List<DynamodbEvent.DynamodbStreamRecord> records) {
        List<ActivityChanges.Draft> drafts = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
            try {
                StreamImages.activity(record).ifPresent(drafts::add);
            } catch (RuntimeException unreadable) {
                skipped.skip(record.getEventID(), "no activity entry can be made of this change: " + unreadable);
            }
        }
        try {
            components.recordActivity(drafts);
            return true;
        } catch (RuntimeException e) {
            if (!Failures.isTransient(e)) {
                skipped.skip(records.get(0).getEventID(), "the activity of this batch cannot be written: " + e);
                return true;
            }
            LOG.warn("activity of a batch could not be written; the batch is retried: {}", e.toString());
            return false;
        }
    }

    /** @return false when events could not be queued yet */
    private boolean handle(String eventId, OrderSnapshot before, OrderSnapshot after, Instant streamTime) {
        Set<String> oldDependencies = before == null ? Set.of() : new LinkedHashSet<>(before.dependencies());
        Set<String> added = new LinkedHashSet<>(after.dependencies());
        added.removeAll(oldDependencies);
        Set<String> removed = new LinkedHashSet<>(oldDependencies);
        removed.removeAll(after.dependencies());
        String when = OrderEvents.changedAt(after, streamTime.toString());
        boolean done = true;
        if (before != null && before.status() != after.status()) {
            done = workflow.statusChanged(eventId, after.userId(), after.id(), before.status(), after.status(), after.version(),
                    after.dependents(), when);
        }
        if (!added.isEmpty() || !removed.isEmpty()) {
            done &= workflow.dependenciesChanged(eventId, after.userId(), after.id(), added, removed, when);
        }
        return done;
    }
}
