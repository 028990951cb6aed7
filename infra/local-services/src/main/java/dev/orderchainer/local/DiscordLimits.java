package dev.orderchainer.local;

import com.fasterxml.jackson.databind.JsonNode;

/** Discord's documented message and embed limits, checked the way Discord answers 400. */
final class DiscordLimits {
    private DiscordLimits() {}

    static String violation(JsonNode message) {
        if (!message.isObject()) {
            return "body must be a JSON object";
        }
        JsonNode embeds = message.path("embeds");
        String content = message.path("content").asText("");
        if (content.isEmpty() && (!embeds.isArray() || embeds.isEmpty())) {
            return "Cannot send an empty message";
        }
        if (content.length() > 2000) {
            return "content: Must be 2000 or fewer in length";
        }
        if (message.path("username").asText("").length() > 80) {
            return "username: Must be 80 or fewer in length";
        }
        if (!embeds.isMissingNode() && embeds.size() > 10) {
            return "embeds: Must be 10 or fewer in length";
        }
        int total = 0;
        for (JsonNode embed : embeds) {
            total += length(embed, "title", 256) + length(embed, "description", 4096)
                    + length(embed.path("footer"), "text", 2048) + length(embed.path("author"), "name", 256);
            if (total < 0) {
                return "embed field exceeds its limit";
            }
            JsonNode fields = embed.path("fields");
            if (fields.size() > 25) {
                return "embeds.fields: Must be 25 or fewer in length";
            }
            for (JsonNode field : fields) {
                int name = length(field, "name", 256);
                int value = length(field, "value", 1024);
                if (name < 0 || value < 0 || field.path("name").asText("").isEmpty() || field.path("value").asText("").isEmpty()) {
                    return "embeds.fields: name must be 1-256 and value 1-1024 characters";
                }
                total += name + value;
            }
        }
        if (total > 6000) {
            return "embeds: combined length must be 6000 or fewer";
        }
        return null;
    }

    /** The field's length, or a large negative number past its limit. */
    private static int length(JsonNode node, String field, int limit) {
        String value = node.path(field).asText("");
        int length = value.codePointCount(0, value.length());
        return length > limit ? Integer.MIN_VALUE / 2 : length;
    }
}
