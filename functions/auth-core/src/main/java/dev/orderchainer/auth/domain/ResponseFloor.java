package dev.orderchainer.auth.domain;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Holds a failed login's answer until a fixed time after the attempt began. An unknown account
 * (one read, a dummy hash) and a wrong password (a read, the hash, a failure count written) take
 * different work; answering both at the same moment keeps their timing from telling them apart.
 */
public final class ResponseFloor {
    /** Sleeps the given nanoseconds; a seam for tests. */
    public interface Sleeper {
        void sleep(long nanos);
    }

    private final Duration floor;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;

    public ResponseFloor(Duration floor, LongSupplier nanoTime, Sleeper sleeper) {
        this.floor = floor;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    public static ResponseFloor of(Duration floor) {
        return new ResponseFloor(floor, System::nanoTime, nanos -> {
            try {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** @return the start mark to pass to {@link #holdUntilFloor} */
    public long start() {
        return nanoTime.getAsLong();
    }

    public void holdUntilFloor(long started) {
        long remaining = floor.toNanos() - (nanoTime.getAsLong() - started);
        if (remaining > 0) {
            sleeper.sleep(remaining);
        }
    }
}
