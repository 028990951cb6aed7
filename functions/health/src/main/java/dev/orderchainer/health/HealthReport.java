package dev.orderchainer.health;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of GET /api/health. */
public record HealthReport(String status, String version, Checks checks) {
    public boolean healthy() {
        return "ok".equals(status);
    }

    public record Checks(Check dynamodb) {}

    public record Check(String status, long latencyMs, @JsonInclude(JsonInclude.Include.NON_NULL) String detail) {}
}
