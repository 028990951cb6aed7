package dev.orderchainer.discord.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of change a webhook's event filter chooses from, named as the API and a template's {@code {event}} name
 * them. Which kind an order event is, is delivery's to say (delivery-core's ChangeKinds).
 */
public enum WebhookEvent {
    CREATED, UPDATED, STARTED, COMPLETED, FAILED, READY, BLOCKED, DELETED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<WebhookEvent> of(String wire) {
        return Arrays.stream(values()).filter(e -> e.wire().equals(wire)).findFirst();
    }
}
