package dev.orderchainer.notifier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.function.QueueHandler;
import dev.orderchainer.common.json.Json;
import dev.orderchainer.common.table.TableKeys;
import dev.orderchainer.delivery.domain.DiscordSender;
import dev.orderchainer.delivery.domain.SenderNudges;
import dev.orderchainer.delivery.domain.WebhookAddress;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * On the sender queue: drains the outbox of each webhook nudged, paced, until it is empty or the invocation's
 * time is nearly up; then nudges again for what is left (at once, or after a pause while Discord fails).
 * A nudge for a webhook whose outbox another invocation is draining ends at once. A nudge of before webhooks had
 * ids ({"user_id"} alone) is for the original webhook.
 */
public final class DiscordSenderHandler extends QueueHandler<NotifierComponents> {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordSenderHandler.class);
    /** Left of the invocation's time for the last post and the release; the rest is the drain's. */
    static final Duration RESERVE = Duration.ofSeconds(10);
    static final int RETRY_DELAY_SECONDS = 10;
    private final DiscordSender sender;
    private final SenderNudges nudges;
    private final Clock clock;

    public DiscordSenderHandler() {
        this(System.getenv());
    }

    public DiscordSenderHandler(Map<String, String> environment) {
        super(new NotifierComponents(new Env(environment)));
        this.sender = components.sender(DiscordSenderHandler::sleep);
        this.nudges = components.senderNudges();
        this.clock = components.clock();
    }

    @Override
    protected SQSBatchResponse handle(SQSEvent event, Context context) {
        Set<WebhookAddress> webhooks = new LinkedHashSet<>();
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            WebhookAddress webhook = address(message.getBody());
            if (webhook == null) {
                LOG.error("unreadable nudge in message {}; it goes to the DLQ after its retries", message.getMessageId());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            } else {
                webhooks.add(webhook);
            }
        }
        long remaining = context == null ? 60_000 : context.getRemainingTimeInMillis();
        Instant deadline = clock.instant().plusMillis(Math.max(0, remaining - RESERVE.toMillis()));
        Set<WebhookAddress> now = new LinkedHashSet<>();
        Set<WebhookAddress> later = new LinkedHashSet<>();
        for (WebhookAddress webhook : webhooks) {
            DiscordSender.Result result;
            try {
                result = sender.drain(webhook, deadline);
            } catch (SdkException unavailable) {
                // DynamoDB or SQS briefly unavailable: what waits stays in the outbox; look again shortly.
                LOG.warn("draining the outbox of webhook {} of workspace {} failed: {}", webhook.webhookId(), webhook.workspaceId(),
                        unavailable.toString());
                result = DiscordSender.Result.RETRY_LATER;
            }
            switch (result) {
                case MORE_LATER -> now.add(webhook);
                case RETRY_LATER -> later.add(webhook);
                case DRAINED, HELD_ELSEWHERE -> { }
            }
        }
        nudges.nudge(now, 0);
        nudges.nudge(later, RETRY_DELAY_SECONDS);
        return new SQSBatchResponse(failures);
    }

    private static WebhookAddress address(String body) {
        try {
            JsonNode nudge = Json.mapper().readTree(body);
            String workspaceId = text(nudge, "user_id");
            if (workspaceId == null) {
                return null;
            }
            String webhookId = nudge.has("webhook_id") ? text(nudge, "webhook_id") : TableKeys.ORIGINAL_WEBHOOK_ID;
            return webhookId == null ? null : new WebhookAddress(workspaceId, webhookId);
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode nudge, String field) {
        return nudge.path(field).isTextual() && !nudge.path(field).asText().isBlank() ? nudge.path(field).asText() : null;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
