package dev.orderchainer.common.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An RFC 9457 problem a request ran into: thrown anywhere below a handler, answered as
 * application/problem+json. Extension members (for example the cycle or the blockers of an
 * order) travel in {@link #extensions()}.
 */
public final class ApiProblem extends RuntimeException {
    /** "Field 'dependencies[2]' …": the request field a 400 is about, named as in the detail. */
    private static final Pattern FIELD = Pattern.compile("^Field '([A-Za-z_][A-Za-z0-9_.\\[\\]]*)'");

    private final int status;
    private final String detail;
    private final Map<String, Object> extensions;
    private final Map<String, String> headers;

    public ApiProblem(int status, String detail) {
        this(status, detail, Map.of(), Map.of());
    }

    public ApiProblem(int status, String detail, Map<String, Object> extensions, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.detail = detail;
        this.extensions = Map.copyOf(extensions);
        this.headers = Map.copyOf(headers);
    }

    /** A 400; one whose detail names a request field also carries it as {@code field}, so a form can show it there. */
    public static ApiProblem badRequest(String detail) {
        Matcher field = FIELD.matcher(detail);
        return badRequest(detail, field.find() ? field.group(1) : null);
    }

    /** A 400 about {@code field} (null: about the request as a whole). */
    public static ApiProblem badRequest(String detail, String field) {
        return field == null ? new ApiProblem(400, detail) : new ApiProblem(400, detail, Map.of("field", field), Map.of());
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, detail);
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The problem document; {@code instance} is the request path. */
    public HttpResponse toResponse(String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", HttpStatus.reason(status));
        body.put("status", status);
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        body.putAll(extensions);
        HttpResponse response = HttpResponse.json(status, body).withHeader("content-type", HttpResponse.PROBLEM_JSON);
        for (Map.Entry<String, String> header : headers.entrySet()) {
            response = response.withHeader(header.getKey(), header.getValue());
        }
        return response;
    }
}
