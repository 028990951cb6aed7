package dev.orderchainer.notifier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orderchainer.common.aws.AwsClients;
import dev.orderchainer.common.config.AppLink;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.json.Json;
import dev.orderchainer.delivery.domain.DigestRenderer;
import dev.orderchainer.delivery.domain.DiscordSender;
import dev.orderchainer.delivery.domain.EmbedRenderer;
import dev.orderchainer.delivery.domain.SenderNudges;
import dev.orderchainer.delivery.queue.SqsRefusedEvents;
import dev.orderchainer.delivery.queue.SqsSenderNudges;
import dev.orderchainer.delivery.store.DynamoDbOutbox;
import dev.orderchainer.discord.client.HttpDiscordWebhooks;
import dev.orderchainer.discord.store.DynamoDbIntegrationStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * On the sender queue: drains the outbox of each user nudged, paced, until it is empty or the invocation's
 * time is nearly up; then nudges again for what is left (at once, or after a pause while Discord fails).
 * A nudge for a user whose outbox another invocation is draining ends at once.
 */
public final class DiscordSenderHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordSenderHandler.class);
    /** Left of the invocation's time for the last post and the release; the rest is the drain's. */
    static final Duration RESERVE = Duration.ofSeconds(10);
    static final int RETRY_DELAY_SECONDS = 10;
    private final DiscordSender sender;
    private final SenderNudges nudges;
    private final Clock clock = Clock.systemUTC();

    public DiscordSenderHandler() {
        this(System.getenv());
    }

    public DiscordSenderHandler(Map<String, String> environment) {
        this(new Env(environment));
    }

    private DiscordSenderHandler(Env env) {
        AwsClients aws = new AwsClients(env);
        DynamoDbClient dynamoDb = aws.dynamoDb();
        String table = env.required("TABLE_NAME");
        Supplier<String> orderUrl = AppLink.of(env.string("ORDER_URL_TEMPLATE", ""), env)::resolved;
        SqsClient sqs = aws.build(SqsClient.builder(), "SQS");
        this.sender = new DiscordSender(new DynamoDbIntegrationStore(dynamoDb, table), new DynamoDbOutbox(dynamoDb, table, clock),
                new SqsRefusedEvents(sqs, env.required("DISCORD_DEAD_LETTER_QUEUE_URL")),
                new HttpDiscordWebhooks(env.string("DISCORD_API_BASE", HttpDiscordWebhooks.DEFAULT_API_BASE),
                        Duration.ofSeconds(env.integer("DISCORD_WEBHOOK_TIMEOUT", 5, 1, 30))),
                new EmbedRenderer(orderUrl), new DigestRenderer(orderUrl), DiscordSenderHandler::sleep, clock,
                Duration.ofMillis(env.integer("DISCORD_SEND_PACE_MS", 1000, 0, 10_000)));
        this.nudges = new SqsSenderNudges(sqs, env.required("DISCORD_SEND_QUEUE_URL"));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> send(event, context));
    }

    private SQSBatchResponse send(SQSEvent event, Context context) {
        Set<String> users = new LinkedHashSet<>();
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            String userId = userId(message.getBody());
            if (userId == null) {
                LOG.error("unreadable nudge in message {}; it goes to the DLQ after its retries", message.getMessageId());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            } else {
                users.add(userId);
            }
        }
        long remaining = context == null ? 60_000 : context.getRemainingTimeInMillis();
        Instant deadline = clock.instant().plusMillis(Math.max(0, remaining - RESERVE.toMillis()));
        Set<String> now = new LinkedHashSet<>();
        Set<String> later = new LinkedHashSet<>();
        for (String userId : users) {
            DiscordSender.Result result;
            try {
                result = sender.drain(userId, deadline);
            } catch (SdkException unavailable) {
                // DynamoDB or SQS briefly unavailable: what waits stays in the outbox; look again shortly.
                LOG.warn("draining the outbox of user {} failed: {}", userId, unavailable.toString());
                result = DiscordSender.Result.RETRY_LATER;
            }
            switch (result) {
                case MORE_LATER -> now.add(userId);
                case RETRY_LATER -> later.add(userId);
                case DRAINED, HELD_ELSEWHERE -> { }
            }
        }
        nudges.nudge(now, 0);
        nudges.nudge(later, RETRY_DELAY_SECONDS);
        return new SQSBatchResponse(failures);
    }

    private static String userId(String body) {
        try {
            JsonNode nudge = Json.mapper().readTree(body);
            return nudge.path("user_id").isTextual() && !nudge.path("user_id").asText().isBlank() ? nudge.path("user_id").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
