package dev.orderchainer.common.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderchainer.common.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmfMetricsTest {
    @Test
    void writesOneEmbeddedMetricFormatLinePerRecord() throws Exception {
        List<String> lines = new ArrayList<>();
        EmfMetrics metrics = new EmfMetrics("OrderChainer", "orders", lines::add,
                Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC));
        metrics.record().dimension("Route", "GET /api/orders/{id}")
                .metric("Latency", 12.5, "Milliseconds").metric("ServerErrors", 0, "Count")
                .property("request_id", "r1").emit();
        assertEquals(1, lines.size());
        JsonNode line = Json.mapper().readTree(lines.get(0));
        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").path(0);
        assertEquals(1_700_000_000_000L, line.path("_aws").path("Timestamp").asLong());
        assertEquals("OrderChainer", directive.path("Namespace").asText());
        assertEquals("[[\"Service\",\"Route\"]]", directive.path("Dimensions").toString());
        assertEquals("Latency", directive.path("Metrics").path(0).path("Name").asText());
        assertEquals("Milliseconds", directive.path("Metrics").path(0).path("Unit").asText());
        assertEquals(12.5, line.path("Latency").asDouble());
        assertEquals("orders", line.path("Service").asText());
        assertEquals("GET /api/orders/{id}", line.path("Route").asText());
        assertEquals("r1", line.path("request_id").asText());
    }
}
