package dev.orderchainer.notifier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.orderchainer.common.aws.AwsClients;
import dev.orderchainer.common.aws.Failures;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.observability.EmfMetrics;
import dev.orderchainer.common.observability.SkippedRecords;
import dev.orderchainer.notifier.publish.SqsEventQueue;
import dev.orderchainer.notifier.workflow.Workflow;
import dev.orderchainer.orders.domain.OrderService;
import dev.orderchainer.orders.store.DynamoDbOrderStore;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * On the table's stream: for each order status or dependency change, runs the dependency workflow
 * (ready, auto-activation, blocked by failure) and queues its events. A record that fails for a passing
 * reason (DynamoDB or SQS unavailable, throttling) is reported, so Lambda retries from it; one that can
 * never succeed (an image it cannot read, a request DynamoDB refuses) is skipped and reported instead.
 */
public final class OrderWorkflowHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OrderWorkflowHandler.class);
    private final Workflow workflow;
    private final SkippedRecords skipped;

    public OrderWorkflowHandler() {
        this(System.getenv());
    }

    public OrderWorkflowHandler(Map<String, String> environment) {
        this(new Env(environment));
    }

    private OrderWorkflowHandler(Env env) {
        AwsClients aws = new AwsClients(env);
        DynamoDbClient dynamoDb = aws.dynamoDb();
        DynamoDbOrderStore store = new DynamoDbOrderStore(dynamoDb, env.required("TABLE_NAME"));
        this.skipped = new SkippedRecords(EmfMetrics.fromEnvironment(env, "order-workflow"), "order-workflow");
        this.workflow = new Workflow(store, new OrderService(store, Clock.systemUTC()),
                new SqsEventQueue(aws.build(SqsClient.builder(), "SQS"), env.required("ORDER_EVENTS_QUEUE_URL"), skipped));
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> run(event));
    }

    private StreamsEventResponse run(DynamodbEvent event) {
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            var stream = record.getDynamodb();
            Map<String, AttributeValue> before = stream.getOldImage();
            Map<String, AttributeValue> after = stream.getNewImage();
            if (after == null || !isOrder(after)) {
                continue;
            }
            boolean done;
            try {
                done = handle(record.getEventID(), before, after, stream.getApproximateCreationDateTime() == null ? Instant.now()
                        : stream.getApproximateCreationDateTime().toInstant());
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

    /** @return false when events could not be queued yet */
    private boolean handle(String eventId, Map<String, AttributeValue> before, Map<String, AttributeValue> after, Instant streamTime) {
        String oldStatus = before == null ? null : text(before, "status");
        String newStatus = required(after, "status");
        Set<String> oldDependencies = before == null ? Set.of() : ids(before.get("dependencies"));
        Set<String> newDependencies = ids(after.get("dependencies"));
        Set<String> added = new LinkedHashSet<>(newDependencies);
        added.removeAll(oldDependencies);
        Set<String> removed = new LinkedHashSet<>(oldDependencies);
        removed.removeAll(newDependencies);
        // The change's own time: the stream's may be rounded down to the minute.
        String when = after.get("updated_at") == null ? streamTime.toString() : required(after, "updated_at");
        String userId = required(after, "user_id");
        String orderId = required(after, "id");
        boolean done = true;
        if (before != null && !Objects.equals(oldStatus, newStatus)) {
            done = workflow.statusChanged(eventId, userId, orderId, oldStatus, newStatus,
                    Long.parseLong(after.get("version").getN()), ids(after.get("dependents")), when);
        }
        if (!added.isEmpty() || !removed.isEmpty()) {
            done &= workflow.dependenciesChanged(eventId, userId, orderId, added, removed, when);
        }
        return done;
    }

    private static String required(Map<String, AttributeValue> image, String name) {
        String value = text(image, name);
        if (value == null) {
            throw new IllegalArgumentException("the order image has no " + name);
        }
        return value;
    }

    private static boolean isOrder(Map<String, AttributeValue> image) {
        return "order".equals(text(image, "entity"));
    }

    /** A string set (dependents) or a list of strings (dependencies), as ids. */
    private static Set<String> ids(AttributeValue value) {
        Set<String> ids = new LinkedHashSet<>();
        if (value != null && value.getSS() != null) {
            ids.addAll(value.getSS());
        }
        if (value != null && value.getL() != null) {
            value.getL().forEach(item -> ids.add(item.getS()));
        }
        return ids;
    }

    private static String text(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image.get(name);
        return value == null ? null : value.getS();
    }
}
