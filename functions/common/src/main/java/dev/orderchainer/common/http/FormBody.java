package dev.orderchainer.common.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** application/x-www-form-urlencoded bodies (the OAuth2 token endpoint's classic format). */
public final class FormBody {
    private FormBody() {}

    /** Parses the form, rejecting repeated and unknown fields with a 400 that names them. */
    public static Map<String, String> read(HttpRequest request, Set<String> allowed) {
        request.header("content-type").ifPresent(RequestText::requireUtf8Charset);
        String body = RequestText.requireUtf8(request.body());
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
            name = percentDecoded(eq < 0 ? pair : pair.substring(0, eq));
            value = eq < 0 ? "" : percentDecoded(pair.substring(eq + 1));
            if (!allowed.contains(name)) {
                throw ApiProblem.badRequest("Unknown field '" + name + "'; allowed fields: " + String.join(", ", new TreeSet<>(allowed)));
            }
            RequestText.requireStorable(name, value);
            if (fields.put(name, value) != null) {
                throw ApiProblem.badRequest("Field '" + name + "' is given more than once");
            }
        }
        return fields;
    }

    /** Like URLDecoder, but bytes that are not UTF-8 are refused instead of becoming U+FFFD. */
    private static String percentDecoded(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
                if (low < 0) {
                    throw ApiProblem.badRequest("The form body is not valid percent-encoding");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                int codePoint = encoded.codePointAt(i);
                byte[] raw = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
                i += Character.charCount(codePoint) - 1;
            }
        }
        return RequestText.requireUtf8(bytes.toByteArray());
    }

    public static boolean isForm(HttpRequest request) {
        return request.header("content-type").map(v -> v.split(";", 2)[0].trim().equalsIgnoreCase("application/x-www-form-urlencoded"))
                .orElse(false);
    }
}
