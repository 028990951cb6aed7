package dev.orderchainer.common.observability;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.json.Json;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
            List<Map<String, Object>> definitions = new ArrayList<>();
            Map<String, Object> directive = ordered("Namespace", namespace, "Dimensions", List.of(List.copyOf(dimensions.keySet())),
                    "Metrics", definitions);
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("_aws", ordered("Timestamp", clock.millis(), "CloudWatchMetrics", List.of(directive)));
            metrics.forEach((name, valueAndUnit) -> {
                definitions.add(ordered("Name", name, "Unit", valueAndUnit[1]));
                root.put(name, valueAndUnit[0]);
            });
            root.putAll(dimensions);
            root.putAll(properties);
            sink.accept(Json.write(root));
        }

        private static Map<String, Object> ordered(Object... namesAndValues) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                map.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
            return map;
        }
    }
}
