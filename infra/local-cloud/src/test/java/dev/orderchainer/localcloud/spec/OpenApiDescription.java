package dev.orderchainer.localcloud.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderchainer.local.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.Yaml;

/** infra/openapi.yaml: its operations and a check of real answers against what it documents (status, content type, shape). */
public final class OpenApiDescription {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One operation as the description states it; {@code permission} is the action of the permission table it needs
     * (x-permission, lower case), null outside a workspace.
     */
    public record Operation(String id, String method, String path, boolean secured, boolean hasBody, Set<String> statuses,
                            String permission) {
        public boolean documents(int status) {
            return statuses.contains(Integer.toString(status));
        }

        @Override
        public String toString() {
            return id + " (" + method + " " + path + ")";
        }
    }

    private final JsonNode spec;
    private final Map<String, Operation> operations = new LinkedHashMap<>();

    private OpenApiDescription(JsonNode spec) {
        this.spec = spec;
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (op.getKey().equals("parameters")) {
                return;
            }
            JsonNode operation = op.getValue();
            Set<String> statuses = new TreeSet<>();
            operation.path("responses").fieldNames().forEachRemaining(statuses::add);
            boolean open = operation.has("security") && operation.path("security").isEmpty();
            String id = operation.path("operationId").asText();
            operations.put(id, new Operation(id, op.getKey().toUpperCase(Locale.ROOT), path.getKey(), !open,
                    operation.has("requestBody"), statuses, operation.path("x-permission").asText(null)));
        }));
    }

    public static OpenApiDescription load() {
        try {
            return new OpenApiDescription(JSON.valueToTree(new Yaml().load(Files.readString(ProjectFiles.root().resolve("infra/openapi.yaml")))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode tree() {
        return spec;
    }

    public Map<String, Operation> operations() {
        return operations;
    }

    public Operation operation(String id) {
        Operation operation = operations.get(id);
        if (operation == null) {
            throw new IllegalArgumentException("no operation " + id + " in infra/openapi.yaml");
        }
        return operation;
    }

    /**
     * What is wrong with an answer ({@code status}, its content-type header or null, its body) of
     * {@code operation} to {@code url}: nothing when it is documented and fits.
     */
    public List<String> check(Operation operation, String url, int status, String contentTypeHeader, String body) {
        List<String> problems = new ArrayList<>();
        String where = operation.method() + " " + url.substring(0, Math.min(url.length(), 120)) + " -> " + status;
        JsonNode documented = spec.path("paths").path(operation.path()).path(operation.method().toLowerCase(Locale.ROOT))
                .path("responses").path(Integer.toString(status));
        if (documented.isMissingNode()) {
            problems.add(where + " is not documented: " + body);
            return problems;
        }
        documented = resolve(documented);
        if (body.isEmpty()) {
            if (documented.has("content")) {
                problems.add(where + " has no body but documents one");
            }
            return problems;
        }
        String contentType = String.valueOf(contentTypeHeader).split(";")[0].trim();
        JsonNode media = documented.path("content").path(contentType);
        if (media.isMissingNode()) {
            problems.add(where + " answered " + contentType + ", documented " + documented.path("content"));
            return problems;
        }
        JsonNode value;
        try {
            value = contentType.endsWith("json") ? JSON.readTree(body) : JSON.getNodeFactory().textNode(body);
        } catch (IOException e) {
            problems.add(where + " is not JSON: " + body);
            return problems;
        }
        check(value, media.path("schema"), where, "$", problems);
        return problems;
    }

    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            JsonNode target = spec;
            for (String part : node.path("$ref").asText().substring(2).split("/")) {
                target = target.path(part);
            }
            node = target;
        }
        return node;
    }

    /** The parts of JSON Schema the description uses: $ref, type (with null), required, properties, items, enum. */
    private void check(JsonNode value, JsonNode schema, String where, String at, List<String> problems) {
        schema = resolve(schema);
        Set<String> types = new HashSet<>();
        if (schema.path("type").isArray()) {
            schema.path("type").forEach(t -> types.add(t.asText()));
        } else if (schema.has("type")) {
            types.add(schema.path("type").asText());
        }
        if (!types.isEmpty() && !types.contains(typeOf(value))) {
            problems.add(where + ": " + at + " is " + typeOf(value) + ", documented " + types);
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.path("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                problems.add(where + ": " + at + " = " + value + " is not one of " + schema.path("enum"));
            }
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    problems.add(where + ": " + at + "." + required.asText() + " is missing");
                }
            }
            JsonNode properties = schema.path("properties");
            value.fields().forEachRemaining(field -> {
                if (properties.has(field.getKey())) {
                    check(field.getValue(), properties.path(field.getKey()), where, at + "." + field.getKey(), problems);
                }
            });
        }
        if (value.isArray() && schema.has("items")) {
            int i = 0;
            for (JsonNode item : value) {
                check(item, schema.path("items"), where, at + "[" + i++ + "]", problems);
            }
        }
    }

    private static String typeOf(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        return value.isNumber() ? "number" : value.isBoolean() ? "boolean" : value.isTextual() ? "string"
                : value.isArray() ? "array" : "object";
    }
}
