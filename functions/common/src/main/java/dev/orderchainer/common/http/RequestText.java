package dev.orderchainer.common.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderchainer.common.text.InvalidTextException;
import dev.orderchainer.common.text.Text;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Request text is taken exactly as sent or refused: a body must be UTF-8 (declared or not), and no
 * string in it may hold what {@link Text#problem} refuses, so nothing is silently replaced on its way
 * to storage (U+FFFD for bad bytes, '?' for a lone surrogate).
 */
final class RequestText {
    private RequestText() {}

    /** A charset parameter other than UTF-8 is 415: the body would be read as something the client did not send. */
    static void requireUtf8Charset(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                String charset = pair[1].trim().replace("\"", "").toLowerCase(Locale.ROOT);
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    throw new ApiProblem(415, "Charset '" + pair[1].trim() + "' is not supported; send the body as UTF-8");
                }
            }
        }
    }

    static String requireUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ApiProblem.badRequest("The request body is not valid UTF-8; send text encoded as UTF-8");
        }
    }

    /** Every field name and string value, at any depth; tab and line breaks are judged per field later. */
    static void requireStorable(JsonNode node, String path) {
        if (node.isTextual()) {
            requireStorable(path, node.textValue());
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                requireStorable(at, field.getKey());
                requireStorable(field.getValue(), at);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireStorable(node.get(i), path + "[" + i + "]");
            }
        }
    }

    static void requireStorable(String field, String value) {
        Text.problem(value, true).ifPresent(reason -> {
            throw new InvalidTextException(field, reason);
        });
    }
}
