package dev.orderchainer.health;

import java.util.function.LongSupplier;

/** Reports the service version and whether its database answers. */
public final class HealthService {
    private final DatabaseProbe database;
    private final String version;
    private final LongSupplier nanoTime;

    public HealthService(DatabaseProbe database, String version, LongSupplier nanoTime) {
        this.database = database;
        this.version = version;
        this.nanoTime = nanoTime;
    }

    public HealthReport check() {
        long started = nanoTime.getAsLong();
        String status;
        String detail = null;
        try {
            database.check();
            status = "ok";
        } catch (RuntimeException e) {
            status = "unavailable";
            detail = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        long latencyMs = (nanoTime.getAsLong() - started) / 1_000_000;
        return new HealthReport(status, version, new HealthReport.Checks(new HealthReport.Check(status, latencyMs, detail)));
    }
}
