package dev.orderchainer.localcloud;

import dev.orderchainer.local.PercentDecoding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP API route ("GET /api/orders/{id}") and how API Gateway matches it: literal segments,
 * {name} for one segment, {name+} for the rest of the path, method ANY for every method.
 */
public record HttpRoute(String method, String path, LocalFunction function) {

    public String routeKey() {
        return method + " " + path;
    }

    public Optional<Map<String, String>> match(String requestMethod, String requestPath) {
        if (!method.equals("ANY") && !method.equalsIgnoreCase(requestMethod)) {
            return Optional.empty();
        }
        List<String> pattern = segments(path);
        // API Gateway routes /api/orders/ to the /api/orders route (route paths cannot end in '/').
        String normalized = requestPath.length() > 1 && requestPath.endsWith("/")
                ? requestPath.substring(0, requestPath.length() - 1) : requestPath;
        List<String> actual = segments(normalized);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String expected = pattern.get(i);
            if (expected.startsWith("{") && expected.endsWith("+}")) {
                if (i >= actual.size()) {
                    return Optional.empty();
                }
                parameters.put(expected.substring(1, expected.length() - 2), String.join("/", actual.subList(i, actual.size())));
                return Optional.of(parameters);
            }
            if (i >= actual.size()) {
                return Optional.empty();
            }
            if (expected.startsWith("{") && expected.endsWith("}")) {
                if (actual.get(i).isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(expected.substring(1, expected.length() - 1), decode(actual.get(i)));
            } else if (!expected.equals(actual.get(i))) {
                return Optional.empty();
            }
        }
        return pattern.size() == actual.size() ? Optional.of(parameters) : Optional.empty();
    }

    /** Most specific first, as API Gateway prefers: more literal segments, then fewer greedy ones. */
    public int specificity() {
        int score = 0;
        for (String segment : segments(path)) {
            score += segment.endsWith("+}") ? 0 : segment.startsWith("{") ? 10 : 100;
        }
        return score + (method.equals("ANY") ? 0 : 1);
    }

    private static List<String> segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return List.of(trimmed.split("/", -1));
    }

    private static String decode(String segment) {
        return PercentDecoding.lenient(segment, false);
    }
}
