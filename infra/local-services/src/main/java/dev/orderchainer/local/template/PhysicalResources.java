package dev.orderchainer.local.template;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What each logical id became locally: its Ref value and its GetAtt attributes. */
public final class PhysicalResources {
    private final Map<String, Map<String, String>> byLogicalId = new ConcurrentHashMap<>();

    public void put(String logicalId, String ref, Map<String, String> attributes) {
        Map<String, String> values = new LinkedHashMap<>(attributes);
        values.put("Ref", ref);
        byLogicalId.put(logicalId, Map.copyOf(values));
    }

    public boolean contains(String logicalId) {
        return byLogicalId.containsKey(logicalId);
    }

    public String ref(String logicalId) {
        return attribute(logicalId, "Ref");
    }

    public String attribute(String logicalId, String attribute) {
        Map<String, String> values = byLogicalId.get(logicalId);
        if (values == null) {
            throw new TemplateException("resource " + logicalId + " does not exist locally");
        }
        String value = values.get(attribute);
        if (value == null) {
            throw new TemplateException("resource " + logicalId + " has no attribute " + attribute + " locally");
        }
        return value;
    }

    /** The logical id whose attribute has this value (for example the queue behind an ARN). */
    public String logicalIdWith(String attribute, String value) {
        return byLogicalId.entrySet().stream().filter(e -> value.equals(e.getValue().get(attribute)))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new TemplateException("no local resource has " + attribute + " " + value));
    }
}
