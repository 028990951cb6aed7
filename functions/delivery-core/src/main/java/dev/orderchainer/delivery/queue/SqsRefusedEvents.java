package dev.orderchainer.delivery.queue;

import dev.orderchainer.common.json.Json;
import dev.orderchainer.delivery.domain.RefusedEvents;
import dev.orderchainer.orders.events.OrderEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Refused events as {"refused_event": ..., "discord_answer": ...} on the Discord dead-letter queue; a failure throws (the drain is retried). */
public final class SqsRefusedEvents implements RefusedEvents {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsRefusedEvents(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void deadLetter(OrderEvent event, String discordAnswer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("refused_event", event);
        body.put("discord_answer", discordAnswer);
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(Json.write(body)));
    }
}
