package dev.orderchainer.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.common.text.InvalidTextException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonBodyTest {
    record Sample(String title, Integer count, Boolean urgent, List<String> tags, Nested nested, Mood mood) {}

    enum Mood { CALM, BUSY }

    record Nested(String note) {}

    private final JsonBody body = new JsonBody(1024);

    private static HttpRequest request(String contentType, String json) {
        Map<String, String> headers = contentType == null ? Map.of() : Map.of("content-type", contentType);
        return new HttpRequest("POST", "/x", "POST /x", headers, Map.of(), Map.of(),
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), "req-1", "127.0.0.1");
    }

    private ApiProblem problem(String contentType, String json) {
        return assertThrows(ApiProblem.class, () -> body.read(request(contentType, json), Sample.class));
    }

    @Test
    void readsSnakeCaseJsonIntoARecord() {
        Sample sample = body.read(request("application/json; charset=utf-8",
                "{\"title\":\"t\",\"count\":3,\"urgent\":true,\"tags\":[\"a\"],\"nested\":{\"note\":\"n\"},\"mood\":\"BUSY\"}"), Sample.class);
        assertEquals(new Sample("t", 3, true, List.of("a"), new Nested("n"), Mood.BUSY), sample);
    }

    @Test
    void unknownFieldsAreRejectedByName() {
        ApiProblem problem = problem("application/json", "{\"title\":\"t\",\"owner\":\"me\"}");
        assertEquals(400, problem.status());
        assertTrue(problem.detail().startsWith("Unknown field 'owner'"), problem.detail());
        assertTrue(problem.detail().contains("title"), problem.detail());
        ApiProblem nested = problem("application/json", "{\"nested\":{\"other\":1}}");
        assertTrue(nested.detail().startsWith("Unknown field 'nested.other'"), nested.detail());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"count\":\"3\"}        | Field 'count' must be an integer",
        "{\"count\":1.5}          | Field 'count' must be an integer",
        "{\"title\":5}            | Field 'title' must be a string",
        "{\"urgent\":1}           | Field 'urgent' must be a boolean",
        "{\"urgent\":\"true\"}    | Field 'urgent' must be a boolean",
        "{\"tags\":\"a\"}         | Field 'tags' must be an array",
        "{\"nested\":[]}          | Field 'nested' must be an object",
        "[]                       | The request body must be a JSON object",
        "\"text\"                 | The request body must be a JSON object",
        "{\"urgent\":null}         | Field 'urgent' must not be null; leave it out instead",
        "{\"mood\":0}              | Field 'mood' must be one of: CALM, BUSY",
        "{\"mood\":\"SAD\"}          | Field 'mood' must be one of: CALM, BUSY",
        "{\"tags\":[null]}         | Field 'tags[0]' must not be null",
    })
    void wrongTypesNameTheFieldAndTheExpectedType(String json, String detail) {
        ApiProblem problem = problem("application/json", json);
        assertEquals(400, problem.status());
        assertEquals(detail, problem.detail());
    }

    @Test
    void malformedJsonSaysWhere() {
        ApiProblem problem = problem("application/json", "{\"title\": \"t\",,}");
        assertEquals(400, problem.status());
        assertTrue(problem.detail().startsWith("The request body is not valid JSON at line 1, column"), problem.detail());
        assertEquals("The request body is not valid JSON: it ends unexpectedly", problem("application/json", "{\"title\":").detail());
        assertEquals("The request body is not valid JSON: there is content after the JSON value",
                problem("application/json", "{\"title\":\"a\"} {}").detail());
        assertTrue(problem("application/json", "{\"title\":\"a\",\"title\":\"b\"}").detail().contains("Duplicate field 'title'"));
    }

    @Test
    void emptyAndNullBodiesAreRejected() {
        assertEquals("A JSON request body is required", problem("application/json", null).detail());
        assertEquals("A JSON request body is required", problem("application/json", "\n").detail());
        assertEquals("A JSON request body is required", problem("application/json", " \t\r\n ").detail());
        assertEquals("The request body must be a JSON object", problem("application/json", "[]").detail());
        assertEquals("The request body must be a JSON object", problem("application/json", "7").detail());
        assertEquals("The request body must be a JSON object, not null", problem("application/json", "null").detail());
    }

    @Test
    void contentTypeMustBeJson() {
        ApiProblem missing = problem(null, "{}");
        assertEquals(415, missing.status());
        assertEquals("Content-Type application/json is required", missing.detail());
        ApiProblem form = problem("application/x-www-form-urlencoded", "a=b");
        assertEquals(415, form.status());
        assertTrue(form.detail().contains("application/x-www-form-urlencoded"));
    }

    @Test
    void oversizedBodiesAre413BeforeParsing() {
        ApiProblem problem = problem("application/json", "{\"title\":\"" + "x".repeat(2000) + "\"}");
        assertEquals(413, problem.status());
        assertEquals("The request body is 2012 bytes; at most 1024 bytes are accepted", problem.detail());
    }

    @Test
    void numbersOutOfRangeAreA400() {
        ApiProblem problem = problem("application/json", "{\"count\":99999999999999}");
        assertEquals(400, problem.status());
        assertTrue(problem.detail().contains("out of range"), problem.detail());
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNotReplaced() {
        byte[] latin1 = "{\"title\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        HttpRequest request = new HttpRequest("POST", "/x", "POST /x", Map.of("content-type", "application/json"), Map.of(), Map.of(),
                latin1, "req-1", "127.0.0.1");
        ApiProblem problem = assertThrows(ApiProblem.class, () -> body.read(request, Sample.class));
        assertEquals(400, problem.status());
        assertEquals("The request body is not valid UTF-8; send text encoded as UTF-8", problem.detail());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"application/json; charset=latin1", "application/json;charset=ISO-8859-1",
        "application/json; charset=\"utf-16\""})
    void aCharsetOtherThanUtf8Is415(String contentType) {
        ApiProblem problem = problem(contentType, "{\"title\":\"t\"}");
        assertEquals(415, problem.status());
        assertTrue(problem.detail().contains("send the body as UTF-8"), problem.detail());
    }

    @Test
    void utf8CharsetsInAnySpellingAreFine() {
        assertEquals("t", body.read(request("application/json; charset=UTF8", "{\"title\":\"t\"}"), Sample.class).title());
        assertEquals("t", body.read(request("application/json;charset=\"utf-8\"", "{\"title\":\"t\"}"), Sample.class).title());
    }

    @Test
    void escapedTextThatCannotBeStoredIsRefusedWhereverItIs() {
        var refused = assertThrows(InvalidTextException.class,
                () -> body.read(request("application/json", "{\"title\":\"x\\ud800y\"}"), Sample.class));
        assertEquals("title", refused.field());
        refused = assertThrows(InvalidTextException.class,
                () -> body.read(request("application/json", "{\"tags\":[\"ok\",\"\\u0000\"]}"), Sample.class));
        assertEquals("tags[1]", refused.field());
        refused = assertThrows(InvalidTextException.class,
                () -> body.read(request("application/json", "{\"nested\":{\"note\":\"\\uffff\"}}"), Sample.class));
        assertEquals("nested.note", refused.field());
        assertThrows(InvalidTextException.class,
                () -> body.read(request("application/json", "{\"ti\\u0000tle\":\"t\"}"), Sample.class), "field names too");
    }

    @Test
    void formBodiesFollowTheSameRules() {
        HttpRequest form = new HttpRequest("POST", "/x", "POST /x", Map.of("content-type", "application/x-www-form-urlencoded"),
                Map.of(), Map.of(), "username=caf%C3%A9+%F0%9F%98%80&password=p%2Bq".getBytes(StandardCharsets.UTF_8), "r", "127.0.0.1");
        assertEquals(Map.of("username", "café 😀", "password", "p+q"), FormBody.read(form, Set.of("username", "password")));
        for (String bad : new String[] {"username=caf%E9", "username=%00", "username=%EF%BF%BF", "username=%ED%A0%80", "username=%G1"}) {
            HttpRequest request = new HttpRequest("POST", "/x", "POST /x", Map.of("content-type", "application/x-www-form-urlencoded"),
                    Map.of(), Map.of(), bad.getBytes(StandardCharsets.UTF_8), "r", "127.0.0.1");
            RuntimeException refused = assertThrows(RuntimeException.class, () -> FormBody.read(request, Set.of("username")));
            assertTrue(refused instanceof ApiProblem problem ? problem.status() == 400
                    : refused instanceof InvalidTextException, bad + " -> " + refused);
        }
        HttpRequest latin1 = new HttpRequest("POST", "/x", "POST /x",
                Map.of("content-type", "application/x-www-form-urlencoded; charset=latin1"), Map.of(), Map.of(),
                "username=a".getBytes(StandardCharsets.UTF_8), "r", "127.0.0.1");
        assertEquals(415, assertThrows(ApiProblem.class, () -> FormBody.read(latin1, Set.of("username"))).status());
    }
}
