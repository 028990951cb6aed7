package dev.orderchainer.discord.domain;

/** Which order events a user wants in Discord; absent toggles are on. */
public record Notifications(Boolean orderCreated, Boolean orderUpdated, Boolean orderCompleted, Boolean orderFailed,
                            Boolean orderReady, Boolean orderBlocked) {
    public static final Notifications ALL = new Notifications(true, true, true, true, true, true);

    /** These toggles with the given ones applied on top. */
    public Notifications with(Notifications changes) {
        if (changes == null) {
            return this;
        }
        return new Notifications(
                changes.orderCreated() == null ? orderCreated : changes.orderCreated(),
                changes.orderUpdated() == null ? orderUpdated : changes.orderUpdated(),
                changes.orderCompleted() == null ? orderCompleted : changes.orderCompleted(),
                changes.orderFailed() == null ? orderFailed : changes.orderFailed(),
                changes.orderReady() == null ? orderReady : changes.orderReady(),
                changes.orderBlocked() == null ? orderBlocked : changes.orderBlocked());
    }
}
