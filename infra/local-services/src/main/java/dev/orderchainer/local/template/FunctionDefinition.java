package dev.orderchainer.local.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One AWS::Serverless::Function with the template's Globals applied the way SAM applies them. */
public record FunctionDefinition(
        String logicalId,
        String handlerClass,
        String handlerMethod,
        String codeUri,
        int timeoutSeconds,
        int memoryMb,
        Map<String, Object> environment,
        List<Object> policies,
        List<EventSource> events) {

    static FunctionDefinition of(String logicalId, Map<String, Object> globals, Map<String, Object> own) {
        Map<String, Object> merged = new LinkedHashMap<>(globals);
        merged.putAll(own);
        String handler = string(merged, "Handler", logicalId);
        String[] parts = handler.split("::", 2);
        Map<String, Object> environment = new LinkedHashMap<>(variables(globals, logicalId));
        environment.putAll(variables(own, logicalId));
        List<EventSource> events = new ArrayList<>();
        Object rawEvents = own.get("Events");
        if (rawEvents != null) {
            SamTemplate.asMap(rawEvents, logicalId + ".Events").forEach((name, spec) -> {
                Map<String, Object> event = SamTemplate.asMap(spec, logicalId + ".Events." + name);
                Object properties = event.get("Properties");
                events.add(new EventSource(name, String.valueOf(event.get("Type")),
                        properties == null ? Map.of() : SamTemplate.asMap(properties, logicalId + ".Events." + name)));
            });
        }
        Object policies = own.get("Policies");
        return new FunctionDefinition(logicalId, parts[0], parts.length > 1 ? parts[1] : "handleRequest",
                string(merged, "CodeUri", logicalId),
                integer(merged.getOrDefault("Timeout", 3), logicalId + ".Timeout"),
                integer(merged.getOrDefault("MemorySize", 128), logicalId + ".MemorySize"),
                environment,
                policies instanceof List<?> list ? List.copyOf(list) : policies == null ? List.of() : List.of(policies),
                events);
    }

    public List<EventSource> eventsOfType(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    private static Map<String, Object> variables(Map<String, Object> properties, String where) {
        Object environment = properties.get("Environment");
        if (environment == null) {
            return Map.of();
        }
        Object variables = SamTemplate.asMap(environment, where + ".Environment").get("Variables");
        return variables == null ? Map.of() : SamTemplate.asMap(variables, where + ".Environment.Variables");
    }

    private static String string(Map<String, Object> properties, String key, String where) {
        Object value = properties.get(key);
        if (!(value instanceof String text)) {
            throw new TemplateException(where + "." + key + " must be a plain string");
        }
        return text;
    }

    private static int integer(Object value, String where) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        throw new TemplateException(where + " must be a number");
    }

    /** An entry of a function's Events: HttpApi, DynamoDB, SQS, ... */
    public record EventSource(String name, String type, Map<String, Object> properties) {}
}
