package dev.orderchainer.delivery.domain;

import java.util.Collection;

/** Wakes the sender for users whose outbox has something (a message on the sender queue per user). */
public interface SenderNudges {
    void nudge(Collection<String> userIds, int delaySeconds);
}
