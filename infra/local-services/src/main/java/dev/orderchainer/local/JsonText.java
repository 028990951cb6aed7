package dev.orderchainer.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON for tests: request bodies built instead of pasted together, and the texts of an answer's arrays.
 * {@code json("title", "Print", "dependencies", List.of(id))} is {@code {"title":"Print","dependencies":["01J…"]}}
 * with every value escaped as JSON needs. Keys keep their order.
 */
public final class JsonText {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonText() {}

    /** An object of the given keys and values (strings, numbers, booleans, null, lists, maps, nested {@link #object}s). */
    public static String json(Object... keysAndValues) {
        return write(object(keysAndValues));
    }

    /** The same as a map, to nest: {@code json("notifications", object("order_updated", false))}. */
    public static Map<String, Object> object(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    /** The texts of a JSON array, in order (ids, statuses, names). */
    public static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** The text of {@code field} in each object of a JSON array, in order. */
    public static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.path(field).asText()));
        return texts;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON-writable: " + e.getOriginalMessage(), e);
        }
    }
}
