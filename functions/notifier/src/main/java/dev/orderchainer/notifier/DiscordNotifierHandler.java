package dev.orderchainer.notifier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.orderchainer.common.aws.AwsClients;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.json.Json;
import dev.orderchainer.discord.client.HttpDiscordWebhooks;
import dev.orderchainer.discord.store.DynamoDbIntegrationStore;
import dev.orderchainer.notifier.notify.DynamoDbDeliveryLedger;
import dev.orderchainer.notifier.notify.EmbedRenderer;
import dev.orderchainer.notifier.notify.Notifier;
import dev.orderchainer.orders.events.OrderEvent;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * On the order events queue (ReportBatchItemFailures): delivers to Discord and reports the
 * messages that must come back, first setting their visibility to Discord's retry_after.
 */
public final class DiscordNotifierHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordNotifierHandler.class);
    private final Notifier notifier;
    private final SqsClient sqs;
    private final String queueUrl;

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
        this.sqs = aws.build(SqsClient.builder(), "SQS");
        this.queueUrl = env.required("ORDER_EVENTS_QUEUE_URL");
        this.notifier = new Notifier(new DynamoDbIntegrationStore(dynamoDb, table),
                new HttpDiscordWebhooks(env.string("DISCORD_API_BASE", HttpDiscordWebhooks.DEFAULT_API_BASE),
                        Duration.ofSeconds(env.integer("DISCORD_WEBHOOK_TIMEOUT", 5, 1, 30))),
                new DynamoDbDeliveryLedger(dynamoDb, table, Clock.systemUTC()),
                new EmbedRenderer(env.string("ORDER_URL_TEMPLATE", "")),
                duration -> {
                    try {
                        Thread.sleep(duration.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, Clock.systemUTC());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> deliver(event));
    }

    private SQSBatchResponse deliver(SQSEvent event) {
        List<Notifier.Queued> batch = new ArrayList<>();
        Map<String, String> receipts = new HashMap<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            receipts.put(message.getMessageId(), message.getReceiptHandle());
            batch.add(new Notifier.Queued(message.getMessageId(), parse(message.getBody())));
        }
        Notifier.Outcome outcome = notifier.deliver(batch);
        outcome.visibilitySeconds().forEach((messageId, seconds) -> {
            try {
                sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(receipts.get(messageId))
                        .visibilityTimeout(Math.min(seconds, 43_200)));
            } catch (SdkException e) {
                LOG.warn("could not delay message {}: {}", messageId, e.toString());
            }
        });
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        outcome.failed().forEach(id -> failures.add(new SQSBatchResponse.BatchItemFailure(id)));
        return new SQSBatchResponse(failures);
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
