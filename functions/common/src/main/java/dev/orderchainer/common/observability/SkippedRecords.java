package dev.orderchainer.common.observability;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a stream record or event that can never be processed and is skipped so that it stops
 * nothing behind it: an ERROR log line naming it and a SkippedRecords metric (per service) the template alarms on.
 */
public final class SkippedRecords {
    private static final Logger LOG = LoggerFactory.getLogger(SkippedRecords.class);
    private final EmfMetrics metrics;
    private final String consumer;

    public SkippedRecords(EmfMetrics metrics, String consumer) {
        this.metrics = metrics;
        this.consumer = consumer;
    }

    public void skip(String id, String reason) {
        LOG.error("skipped a record that can never be processed", entry("consumer", consumer), entry("record_id", id),
                entry("reason", reason));
        metrics.record().metric("SkippedRecords", 1, "Count").property("consumer", consumer).property("record_id", id).emit();
    }
}
