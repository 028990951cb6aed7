package dev.orderchainer.delivery.domain;

import java.util.Collection;

/** Wakes the sender for webhooks whose outbox has something (a message on the sender queue per webhook). */
public interface SenderNudges {
    void nudge(Collection<WebhookAddress> webhooks, int delaySeconds);
}
