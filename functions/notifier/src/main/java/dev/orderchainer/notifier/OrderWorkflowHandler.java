package dev.orderchainer.notifier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.orderchainer.common.aws.AwsClients;
import dev.orderchainer.common.config.Env;
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
 * (ready, auto-activation, blocked by failure) and queues its events. A record that fails is reported, so
 * Lambda retries from it.
 */
public final class OrderWorkflowHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OrderWorkflowHandler.class);
    private final Workflow workflow;

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
        this.workflow = new Workflow(store, new OrderService(store, Clock.systemUTC()),
                new SqsEventQueue(aws.build(SqsClient.builder(), "SQS"), env.required("ORDER_EVENTS_QUEUE_URL")));
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
            String oldStatus = before == null ? null : text(before, "status");
            String newStatus = text(after, "status");
            Set<String> oldDependencies = before == null ? Set.of() : ids(before.get("dependencies"));
            Set<String> newDependencies = ids(after.get("dependencies"));
            Set<String> added = new LinkedHashSet<>(newDependencies);
            added.removeAll(oldDependencies);
            Set<String> removed = new LinkedHashSet<>(oldDependencies);
            removed.removeAll(newDependencies);
            Instant when = stream.getApproximateCreationDateTime() == null ? Instant.now()
                    : stream.getApproximateCreationDateTime().toInstant();
            String userId = text(after, "user_id");
            String orderId = text(after, "id");
            boolean done = true;
            try {
                if (before != null && !Objects.equals(oldStatus, newStatus)) {
                    done = workflow.statusChanged(record.getEventID(), userId, orderId, oldStatus, newStatus,
                            ids(after.get("dependents")), when.toString());
                }
                if (!added.isEmpty() || !removed.isEmpty()) {
                    done &= workflow.dependenciesChanged(record.getEventID(), userId, orderId, added, removed, when.toString());
                }
            } catch (RuntimeException e) {
                LOG.warn("workflow for order {} failed; the record is retried: {}", orderId, e.toString());
                done = false;
            }
            if (!done) {
                return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(stream.getSequenceNumber())));
            }
        }
        return new StreamsEventResponse(List.of());
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
