package dev.orderchainer.security;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import dev.orderchainer.common.observability.EmfMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Security-relevant happenings as WARN log entries (security_event = type) and a metric per type. */
public final class SecurityEvents {
    private static final Logger LOG = LoggerFactory.getLogger("security");
    private final EmfMetrics metrics;

    public SecurityEvents(EmfMetrics metrics) {
        this.metrics = metrics;
    }

    public void record(String type, String subject, String detail) {
        LOG.warn("security event: {}", type, entry("security_event", type), entry("subject", subject), entry("detail", detail));
        metrics.record().dimension("Event", type).metric("SecurityEvents", 1, "Count").emit();
    }
}
