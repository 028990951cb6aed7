package dev.orderchainer.delivery.queue;

import dev.orderchainer.common.json.Json;
import dev.orderchainer.delivery.domain.SenderNudges;
import dev.orderchainer.delivery.domain.WebhookAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Nudges as messages {"user_id": workspace, "webhook_id": ...} on the sender queue, ten to a SendMessageBatch; a failure
 * throws so the caller is retried.
 */
public final class SqsSenderNudges implements SenderNudges {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsSenderNudges(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    private static String body(WebhookAddress webhook) {
        return Json.write(Map.of("user_id", webhook.workspaceId(), "webhook_id", webhook.webhookId()));
    }

    @Override
    public void nudge(Collection<WebhookAddress> webhooks, int delaySeconds) {
        List<WebhookAddress> users = List.copyOf(webhooks);
        for (int from = 0; from < users.size(); from += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(users.size(), from + 10); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(body(users.get(i))).delaySeconds(delaySeconds).build());
            }
            var response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                throw new IllegalStateException("the sender queue refused " + response.failed().size() + " nudges: "
                        + response.failed().get(0).message());
            }
        }
    }
}
