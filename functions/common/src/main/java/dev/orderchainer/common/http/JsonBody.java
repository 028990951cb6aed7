package dev.orderchainer.common.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderchainer.common.json.Json;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a request body into a request record, answering every way it can be wrong with a
 * precise 400/413/415 problem: wrong content type, too large, not JSON, wrong types, unknown fields.
 */
public final class JsonBody {
    private final int maxBytes;

    public JsonBody(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public int maxBytes() {
        return maxBytes;
    }

    public <T> T read(HttpRequest request, Class<T> type) {
        return read(request, type, Set.of());
    }

    /**
     * As {@link #read(HttpRequest, Class)}, but the top-level fields in {@code emptiedWhenNull} may be an explicit null,
     * which arrives as "" (a field whose null means "clear it", as an order's assignee).
     */
    public <T> T read(HttpRequest request, Class<T> type, Set<String> emptiedWhenNull) {
        requireJsonContentType(request);
        checkSize(request);
        if (!request.hasBody()) {
            throw ApiProblem.badRequest("A JSON request body is required");
        }
        RequestText.requireUtf8(request.body());
        try {
            JsonNode tree = Json.mapper().readTree(request.body());
            // A body of only whitespace parses to no value at all (MissingNode), which is still no body.
            if (tree == null || tree.isMissingNode()) {
                throw ApiProblem.badRequest("A JSON request body is required");
            }
            if (tree.isNull()) {
                throw ApiProblem.badRequest("The request body must be a JSON object, not null");
            }
            if (tree.isObject()) {
                for (String field : emptiedWhenNull) {
                    if (tree.path(field).isNull()) {
                        ((ObjectNode) tree).put(field, "");
                    }
                }
            }
            rejectNulls(tree, "");
            RequestText.requireStorable(tree, "");
            return Json.mapper().treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest(describe(e));
        } catch (IOException e) {
            throw ApiProblem.badRequest("The request body could not be read");
        }
    }

    /** Optional fields are left out; an explicit null is refused, so "absent" has one spelling. */
    private static void rejectNulls(JsonNode node, String path) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (field.getValue().isNull()) {
                    throw ApiProblem.badRequest("Field '" + at + "' must not be null; leave it out instead");
                }
                rejectNulls(field.getValue(), at);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isNull()) {
                    throw ApiProblem.badRequest("Field '" + path + "[" + i + "]' must not be null");
                }
                rejectNulls(node.get(i), path + "[" + i + "]");
            }
        }
    }

    /** Rejects a body larger than the limit with 413 before any parsing. */
    public void checkSize(HttpRequest request) {
        if (request.body().length > maxBytes) {
            throw new ApiProblem(413, "The request body is " + request.body().length
                    + " bytes; at most " + maxBytes + " bytes are accepted");
        }
    }

    private static void requireJsonContentType(HttpRequest request) {
        String contentType = request.header("content-type").orElse("");
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new ApiProblem(415, contentType.isEmpty()
                    ? "Content-Type application/json is required"
                    : "Content-Type '" + contentType + "' is not supported; send application/json");
        }
        RequestText.requireUtf8Charset(contentType);
    }

    static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            return "Unknown field '" + pathOf(unknown) + "'; allowed fields: " + known;
        }
        if (e instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            if (target != null && target.isEnum()) {
                String allowed = Arrays.stream(target.getEnumConstants()).map(Object::toString)
                        .collect(Collectors.joining(", "));
                return "Field '" + pathOf(invalid) + "' must be one of: " + allowed;
            }
            return "Field '" + pathOf(invalid) + "' must be " + article(typeName(target));
        }
        if (e instanceof ValueInstantiationException invalid) {
            Throwable cause = invalid.getCause();
            return cause != null && cause.getMessage() != null ? cause.getMessage() : "The request body is not valid";
        }
        if (e instanceof MismatchedInputException mismatched) {
            if (String.valueOf(mismatched.getOriginalMessage()).startsWith("Trailing token")) {
                return "The request body is not valid JSON: there is content after the JSON value";
            }
            String path = pathOf(mismatched);
            if (path.isEmpty()) {
                return "The request body must be a JSON object";
            }
            return "Field '" + path + "' must be " + article(typeName(mismatched.getTargetType()));
        }
        if (e instanceof JsonEOFException) {
            return "The request body is not valid JSON: it ends unexpectedly";
        }
        if (e instanceof InputCoercionException coercion) {
            return "A number in the request body is out of range for its field" + location(coercion);
        }
        if (e instanceof JsonParseException parse) {
            return "The request body is not valid JSON" + location(parse) + ": " + parse.getOriginalMessage();
        }
        if (e instanceof DatabindException) {
            return "The request body is not valid: " + ((JsonMappingException) e).getOriginalMessage();
        }
        return "The request body is not valid JSON";
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == String.class || type.isEnum()) {
            return "string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return "object";
    }

    private static String article(String type) {
        return (type.startsWith("a") || type.startsWith("i") || type.startsWith("o") ? "an " : "a ") + type;
    }
}
