package dev.orderchainer.notifier.notify;

import java.util.Collection;
import java.util.Set;

/**
 * Which events have been posted to Discord. An event is claimed before posting (with a lease, so a
 * crashed delivery is retried), marked delivered after, and released when the post failed.
 */
public interface DeliveryLedger {
    /** @return the ids this caller may post now (not delivered and not being delivered elsewhere) */
    Set<String> claim(Collection<String> eventIds);

    void delivered(Collection<String> eventIds);

    void release(Collection<String> eventIds);
}
