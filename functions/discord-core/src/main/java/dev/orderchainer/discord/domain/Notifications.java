package dev.orderchainer.discord.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The first webhook's event filter as {@code /api/discord} has always shown it: six toggles, absent ones on. "Updated"
 * stands for every change that is not one of the other five: edits, starts, moves back to pending and deletions.
 */
public record Notifications(Boolean orderCreated, Boolean orderUpdated, Boolean orderCompleted, Boolean orderFailed,
                            Boolean orderReady, Boolean orderBlocked) {
    public static final Notifications ALL = new Notifications(true, true, true, true, true, true);
    private static final List<WebhookEvent> UPDATES = List.of(WebhookEvent.UPDATED, WebhookEvent.STARTED, WebhookEvent.DELETED);

    /** The toggles that show an event filter: each on when the filter has its kind. */
    public static Notifications of(Set<WebhookEvent> events) {
        return new Notifications(events.contains(WebhookEvent.CREATED), events.contains(WebhookEvent.UPDATED),
                events.contains(WebhookEvent.COMPLETED), events.contains(WebhookEvent.FAILED),
                events.contains(WebhookEvent.READY), events.contains(WebhookEvent.BLOCKED));
    }

    /** The filter with these toggles applied on top: a given toggle adds or removes its kinds, an absent one leaves them. */
    public Set<WebhookEvent> applyTo(Set<WebhookEvent> events) {
        Set<WebhookEvent> result = events.isEmpty() ? EnumSet.noneOf(WebhookEvent.class) : EnumSet.copyOf(events);
        apply(result, orderCreated, List.of(WebhookEvent.CREATED));
        apply(result, orderUpdated, UPDATES);
        apply(result, orderCompleted, List.of(WebhookEvent.COMPLETED));
        apply(result, orderFailed, List.of(WebhookEvent.FAILED));
        apply(result, orderReady, List.of(WebhookEvent.READY));
        apply(result, orderBlocked, List.of(WebhookEvent.BLOCKED));
        return result;
    }

    private static void apply(Set<WebhookEvent> events, Boolean toggle, List<WebhookEvent> kinds) {
        if (Boolean.TRUE.equals(toggle)) {
            events.addAll(kinds);
        } else if (Boolean.FALSE.equals(toggle)) {
            kinds.forEach(events::remove);
        }
    }
}
