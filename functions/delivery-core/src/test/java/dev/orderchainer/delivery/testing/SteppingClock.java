package dev.orderchainer.delivery.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Time that only {@link #move} changes (a sender's pauses), so pacing is seen without waiting for it. */
public final class SteppingClock extends Clock {
    private final Instant start;
    private Duration moved = Duration.ZERO;

    public SteppingClock(Instant start) {
        this.start = start;
    }

    public void move(Duration by) {
        moved = moved.plus(by);
    }

    @Override
    public Instant instant() {
        return start.plus(moved);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
