package dev.orderchainer.common.observability;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.json.Json;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CloudWatch Embedded Metric Format lines: one JSON line per record, which CloudWatch Logs turns
 * into metrics. Plain EMF keeps the metrics library (and its start-up cost) out of every function.
 */
public final class EmfMetrics {
    /** log4j2.properties routes this logger to stdout as the bare message, one line per record. */
    public static final String LOGGER = "EMF";
    private final String namespace;
    private final String service;
    private final Consumer<String> sink;
    private final Clock clock;

    public EmfMetrics(String namespace, String service, Consumer<String> sink, Clock clock) {
        this.namespace = namespace;
        this.service = service;
        this.sink = sink;
        this.clock = clock;
    }

    /** The metrics of a function: namespace and service from Powertools' variables, the service defaulting as given. */
    public static EmfMetrics fromEnvironment(Env env, String defaultService) {
        return toLog(env.string("POWERTOOLS_METRICS_NAMESPACE", "OrderChainer"), env.string("POWERTOOLS_SERVICE_NAME", defaultService));
    }

    public static EmfMetrics toLog(String namespace, String service) {
        Logger logger = LoggerFactory.getLogger(LOGGER);
        return new EmfMetrics(namespace, service, logger::info, Clock.systemUTC());
    }

    public Record record() {
        return new Record();
    }

    /** Metrics and properties that share one set of dimensions. */
    public final class Record {
        private final Map<String, String> dimensions = new LinkedHashMap<>();
        private final Map<String, Object[]> metrics = new LinkedHashMap<>();
        private final Map<String, Object> properties = new LinkedHashMap<>();

        private Record() {
            dimensions.put("Service", service);
        }

        public Record dimension(String name, String value) {
            dimensions.put(name, value);
            return this;
        }

        public Record metric(String name, double value, String unit) {
            metrics.put(name, new Object[] {value, unit});
            return this;
        }

        public Record property(String name, Object value) {
            if (value != null) {
                properties.put(name, value);
            }
            return this;
        }

        public void emit() {
            ObjectNode root = Json.mapper().createObjectNode();
            ObjectNode aws = root.putObject("_aws");
            aws.put("Timestamp", clock.millis());
            ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
            directive.put("Namespace", namespace);
            ArrayNode dimensionSet = directive.putArray("Dimensions").addArray();
            dimensions.keySet().forEach(dimensionSet::add);
            ArrayNode definitions = directive.putArray("Metrics");
            metrics.forEach((name, valueAndUnit) -> {
                definitions.addObject().put("Name", name).put("Unit", (String) valueAndUnit[1]);
                root.put(name, (Double) valueAndUnit[0]);
            });
            dimensions.forEach(root::put);
            properties.forEach((name, value) -> root.set(name, Json.mapper().valueToTree(value)));
            sink.accept(root.toString());
        }
    }
}
