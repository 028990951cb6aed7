package dev.orderchainer.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HealthServiceTest {
    private final AtomicLong clock = new AtomicLong();

    @Test
    void reportsOkWithTheVersionAndProbeLatency() {
        HealthService service = new HealthService(() -> clock.addAndGet(7_000_000), "1.2.3", clock::get);
        HealthReport report = service.check();
        assertTrue(report.healthy());
        assertEquals("1.2.3", report.version());
        assertEquals("ok", report.checks().dynamodb().status());
        assertEquals(7, report.checks().dynamodb().latencyMs());
        assertNull(report.checks().dynamodb().detail());
    }

    @Test
    void reportsUnavailableWithTheReasonWhenTheProbeFails() {
        HealthService service = new HealthService(() -> {
            throw new IllegalStateException("table AppTable is CREATING");
        }, "1.2.3", clock::get);
        HealthReport report = service.check();
        assertFalse(report.healthy());
        assertEquals("unavailable", report.status());
        assertEquals("IllegalStateException: table AppTable is CREATING", report.checks().dynamodb().detail());
    }
}
