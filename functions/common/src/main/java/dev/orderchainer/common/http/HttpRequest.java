package dev.orderchainer.common.http;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One API request as API Gateway (HTTP API, payload v2) hands it to a function.
 * Header names are lower case; repeated headers and query parameters arrive comma-joined.
 */
public record HttpRequest(
        String method,
        String path,
        String routeKey,
        Map<String, String> headers,
        Map<String, String> queryParameters,
        Map<String, String> pathParameters,
        byte[] body,
        String requestId,
        String sourceIp) {

    public HttpRequest {
        headers = Map.copyOf(headers);
        queryParameters = Map.copyOf(queryParameters);
        pathParameters = Map.copyOf(pathParameters);
        body = body == null ? new byte[0] : body;
    }

    /** The same request from another address (the viewer's, behind CloudFront). */
    public HttpRequest withSourceIp(String address) {
        return new HttpRequest(method, path, routeKey, headers, queryParameters, pathParameters, body, requestId, address);
    }

    /** The same request with one more path parameter (SnapStart priming of a route that has it). */
    public HttpRequest withPathParameter(String name, String value) {
        Map<String, String> parameters = new HashMap<>(pathParameters);
        parameters.put(name, value);
        return new HttpRequest(method, path, routeKey, headers, queryParameters, parameters, body, requestId, sourceIp);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** A cookie's value from the Cookie header (the codec rebuilds it from payload v2's cookies array). */
    public Optional<String> cookie(String name) {
        for (String pair : headers.getOrDefault("cookie", "").split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                return Optional.of(pair.substring(eq + 1).trim());
            }
        }
        return Optional.empty();
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(queryParameters.get(name));
    }

    public Optional<String> pathParameter(String name) {
        return Optional.ofNullable(pathParameters.get(name));
    }

    public boolean hasBody() {
        return body.length > 0;
    }

    /** Refuses query parameters other than {@code allowed} with a 400 naming them: a typo is never silently ignored. */
    public void allowOnlyQueryParameters(Set<String> allowed) {
        for (String name : queryParameters().keySet()) {
            if (!allowed.contains(name)) {
                throw ApiProblem.badRequest("Unknown query parameter '" + name + "'; allowed: "
                        + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }
}
