package dev.orderchainer.common.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** application/x-www-form-urlencoded bodies (the OAuth2 token endpoint's classic format). */
public final class FormBody {
    private FormBody() {}

    /** Parses the form, rejecting repeated and unknown fields with a 400 that names them. */
    public static Map<String, String> read(HttpRequest request, Set<String> allowed) {
        String body = new String(request.body(), StandardCharsets.UTF_8);
        Map<String, String> fields = new LinkedHashMap<>();
        if (body.isBlank()) {
            throw ApiProblem.badRequest("A form request body is required");
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("The form body is not valid percent-encoding");
            }
            if (!allowed.contains(name)) {
                throw ApiProblem.badRequest("Unknown field '" + name + "'; allowed fields: " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
            if (fields.put(name, value) != null) {
                throw ApiProblem.badRequest("Field '" + name + "' is given more than once");
            }
        }
        return fields;
    }

    public static boolean isForm(HttpRequest request) {
        return request.header("content-type").map(v -> v.split(";", 2)[0].trim().equalsIgnoreCase("application/x-www-form-urlencoded"))
                .orElse(false);
    }
}
