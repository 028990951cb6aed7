package dev.orderchainer.common.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON with Jackson's streaming parser and generator alone, for what every request reads and writes (the API Gateway
 * event, access tokens, key sets, EMF lines, answers made of records, lists, maps and plain values). Databind costs
 * about 200 ms at a cold start on one core (BENCHMARKS.md, "Cold start: tokens without a secret…"); these are the
 * same documents for a few classes. Reading gives maps, lists, strings, numbers, booleans and nulls, refuses duplicate
 * keys and trailing content; writing names record components in snake_case and enums by their {@code @JsonValue},
 * as {@link Json#mapper()} does, which {@link Json#write} falls back to for any other type.
 */
public final class JsonStreams {
    private static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Map<Class<?>, Component[]> COMPONENTS = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Optional<Method>> ENUM_VALUES = new ConcurrentHashMap<>();

    private JsonStreams() {}

    /** Thrown for a value {@link #write} does not handle (a bean, a tree node…): databind writes it. */
    static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(Class<?> type) {
            super(type.getName(), null, false, false);
        }
    }

    /** One JSON document: a Map (insertion order), List, String, Integer/Long/BigInteger, Double/BigDecimal, Boolean or null. */
    public static Object read(byte[] json) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IOException("no JSON document");
            }
            Object value = value(parser);
            if (parser.nextToken() != null) {
                throw new IOException("content after the JSON document");
            }
            return value;
        }
    }

    /** As {@link Json#write}, or {@link Unsupported} for a type only databind knows. */
    static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(generator, value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        return out.toString();
    }

    private static Object value(JsonParser parser) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.put(name, value(parser));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser));
                }
                return array;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return parser.getNumberValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected " + parser.currentToken());
        }
    }

    private static void write(JsonGenerator out, Object value) throws IOException {
        if (!writeScalar(out, value)) {
            writeComposite(out, value);
        }
    }

    private static boolean writeScalar(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Boolean bool) {
            out.writeBoolean(bool);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double number) {
            out.writeNumber(number);
        } else if (value instanceof BigInteger number) {
            out.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            out.writeNumber(number);
        } else {
            return false;
        }
        return true;
    }

    private static void writeComposite(JsonGenerator out, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String name)) {
                    throw new Unsupported(entry.getKey() == null ? Object.class : entry.getKey().getClass());
                }
                out.writeFieldName(name);
                write(out, entry.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof Collection<?> items) {
            out.writeStartArray();
            for (Object item : items) {
                write(out, item);
            }
            out.writeEndArray();
        } else if (value instanceof Enum<?> constant) {
            writeEnum(out, constant);
        } else if (value instanceof Record record) {
            writeRecord(out, record);
        } else {
            throw new Unsupported(value.getClass());
        }
    }

    private static void writeEnum(JsonGenerator out, Enum<?> constant) throws IOException {
        Optional<Method> wire = ENUM_VALUES.computeIfAbsent(constant.getDeclaringClass(), type -> {
            for (Method method : type.getMethods()) {
                if (method.isAnnotationPresent(JsonValue.class) && method.getParameterCount() == 0) {
                    return Optional.of(method);
                }
            }
            return Optional.empty();
        });
        if (wire.isEmpty()) {
            out.writeString(constant.name());
            return;
        }
        try {
            write(out, wire.get().invoke(constant));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + constant.getDeclaringClass().getName() + "'s JSON value", e);
        }
    }

    /** A record's components as written: the accessor, the JSON name, and whether a null is left out (NON_NULL). */
    private record Component(Method accessor, String name, boolean skipNull) {}

    private static void writeRecord(JsonGenerator out, Record record) throws IOException {
        Component[] components = COMPONENTS.computeIfAbsent(record.getClass(), JsonStreams::components);
        out.writeStartObject();
        for (Component component : components) {
            Object value;
            try {
                value = component.accessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new Unsupported(record.getClass());
            }
            if (value == null && component.skipNull()) {
                continue;
            }
            out.writeFieldName(component.name());
            write(out, value);
        }
        out.writeEndObject();
    }

    /** Annotations land on a component's field and accessor; any but @JsonInclude(NON_NULL) is left to databind. */
    private static Component[] components(Class<?> type) {
        if (type.getAnnotations().length > 0) {
            throw new Unsupported(type);
        }
        RecordComponent[] declared = type.getRecordComponents();
        Component[] components = new Component[declared.length];
        for (int i = 0; i < declared.length; i++) {
            Method accessor = declared[i].getAccessor();
            List<Annotation> annotations = new ArrayList<>(Arrays.asList(accessor.getAnnotations()));
            try {
                annotations.addAll(Arrays.asList(type.getDeclaredField(declared[i].getName()).getAnnotations()));
            } catch (NoSuchFieldException e) {
                throw new Unsupported(type);
            }
            boolean skipNull = false;
            for (Annotation annotation : annotations) {
                if (annotation instanceof JsonInclude include && include.value() == JsonInclude.Include.NON_NULL) {
                    skipNull = true;
                } else {
                    throw new Unsupported(type);
                }
            }
            try {
                accessor.setAccessible(true);
            } catch (RuntimeException e) {
                throw new Unsupported(type);
            }
            components[i] = new Component(accessor, snakeCase(declared[i].getName()), skipNull);
        }
        return components;
    }

    /**
     * Databind's SNAKE_CASE: lower case, an underscore before an upper-case letter that does not follow another one
     * (appURL: app_url), a leading underscore dropped.
     */
    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        boolean previousUpper = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (i == 0 && c == '_') {
                continue;
            }
            if (Character.isUpperCase(c)) {
                if (!previousUpper && out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
                previousUpper = true;
            } else {
                out.append(c);
                previousUpper = false;
            }
        }
        return out.toString();
    }
}
