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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * On the table's stream: for each order status change, runs the dependency workflow (ready,
 * auto-activation, blocked by failure) and queues its events. A record that fails is reported, so
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
            if (before == null || after == null || !isOrder(after)) {
                continue;
            }
            String oldStatus = text(before, "status");
            String newStatus = text(after, "status");
            if (Objects.equals(oldStatus, newStatus)) {
                continue;
            }
            List<String> dependents = new ArrayList<>();
            AttributeValue set = after.get("dependents");
            if (set != null && set.getSS() != null) {
                dependents.addAll(set.getSS());
            }
            Instant when = stream.getApproximateCreationDateTime() == null ? Instant.now()
                    : stream.getApproximateCreationDateTime().toInstant();
            boolean done;
            try {
                done = workflow.statusChanged(record.getEventID(), text(after, "user_id"), text(after, "id"), oldStatus, newStatus,
                        dependents, when.toString());
            } catch (RuntimeException e) {
                LOG.warn("workflow for order {} failed; the record is retried: {}", text(after, "id"), e.toString());
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

    private static String text(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image.get(name);
        return value == null ? null : value.getS();
    }
}
