package dev.orderchainer.common.http;

import dev.orderchainer.common.json.Json;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What a function answers; the codec turns it into API Gateway's v2 response format. */
public record HttpResponse(int status, Map<String, String> headers, String body) {
    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    public HttpResponse {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    public static HttpResponse json(int status, Object body) {
        return new HttpResponse(status, Map.of("content-type", JSON), Json.write(body));
    }

    public static HttpResponse noContent() {
        return new HttpResponse(204, Map.of(), "");
    }

    public HttpResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name.toLowerCase(Locale.ROOT), value);
        return new HttpResponse(status, copy, body);
    }
}
