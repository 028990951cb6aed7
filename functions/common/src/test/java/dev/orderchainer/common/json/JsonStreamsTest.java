package dev.orderchainer.common.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The streaming reader and writer give exactly what the mapper gives, for every shape the functions read and write. */
class JsonStreamsTest {
    enum Colour {
        DEEP_RED, BLUE;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    enum Plain { ONE, TWO }

    record Inner(String appURL, Colour colour, Plain plain, List<Integer> counts) {}

    record Outer(String id, String blockedByFailure, boolean autoActivate, long version, double ratio, Inner inner,
                 List<Inner> items, Map<String, Object> extra, @JsonInclude(JsonInclude.Include.NON_NULL) String detail,
                 String nothing, BigDecimal exact, BigInteger large) {}

    private static String databind(Object value) throws IOException {
        return Json.mapper().writeValueAsString(value);
    }

    @Test
    void recordsEnumsCollectionsAndScalarsAreWrittenAsTheMapperWritesThem() throws IOException {
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("n" + i, random.nextInt());
            extra.put("text", text(random));
            extra.put("nested", List.of(Map.of("k", random.nextLong()), List.of(), Boolean.valueOf(random.nextBoolean())));
            extra.put("null", null);
            Inner inner = new Inner(text(random), Colour.values()[random.nextInt(2)], Plain.values()[random.nextInt(2)],
                    List.of(random.nextInt(), -1, 0));
            Outer outer = new Outer(text(random), random.nextBoolean() ? null : text(random), random.nextBoolean(), random.nextLong(),
                    random.nextDouble() * 1e6, inner, List.of(inner, inner), extra, random.nextBoolean() ? null : "why", null,
                    new BigDecimal("12.50"), BigInteger.TEN.pow(30));
            assertEquals(databind(outer), JsonStreams.write(outer));
            assertEquals(databind(outer), Json.write(outer));
        }
        assertEquals(databind(List.of(1.0, 0.1, -2.5e-9, 1e21)), JsonStreams.write(List.of(1.0, 0.1, -2.5e-9, 1e21)));
    }

    @Test
    void whatOnlyTheMapperKnowsIsLeftToIt() throws IOException {
        Object bean = new StringBuilder("not a record");
        assertThrows(JsonStreams.Unsupported.class, () -> JsonStreams.write(bean));
        assertEquals(databind(bean), Json.write(bean));
        Map<Object, Object> numericKeys = Map.of(1, "one");
        assertEquals(databind(numericKeys), Json.write(numericKeys));
        assertEquals(databind(Json.mapper().createObjectNode().put("a", 1)), Json.write(Json.mapper().createObjectNode().put("a", 1)));
    }

    @Test
    void readingGivesTheMappersValuesAndRefusesWhatItRefuses() throws IOException {
        String document = "{\"s\":\"\\u00e9\\ud83d\\ude00\",\"i\":12,\"l\":12345678901,\"b\":true,\"n\":null,\"d\":1.5,"
                + "\"a\":[1,\"x\",{\"k\":[]}],\"o\":{}}";
        assertEquals(Json.mapper().readValue(document, Map.class), JsonStreams.read(document.getBytes(StandardCharsets.UTF_8)));
        for (String bad : new String[] {"", "{\"a\":1,\"a\":2}", "{} {}", "{} trailing", "{\"a\":", "[1,]", "nope"}) {
            assertThrows(IOException.class, () -> JsonStreams.read(bad.getBytes(StandardCharsets.UTF_8)), bad);
        }
    }

    @Test
    void snakeCaseIsTheMappersNaming() {
        for (String name : List.of("id", "blockedBy", "appURL", "aB", "ABC", "_leading", "x1Y2", "createdAt", "latencyMs")) {
            String mapper = Json.mapper().getPropertyNamingStrategy().nameForField(null, null, name);
            assertEquals(mapper, JsonStreams.snakeCase(name), name);
        }
    }

    private static String text(Random random) {
        char[] chars = new char[random.nextInt(12)];
        String alphabet = "aZ09 \"\\/\n\t<>&'é€\u0000\u001f\u2028";
        Arrays.setAll(new int[chars.length], i -> chars[i] = alphabet.charAt(random.nextInt(alphabet.length())));
        return new String(chars) + (random.nextInt(4) == 0 ? "\ud83d\ude00" : "");
    }
}
