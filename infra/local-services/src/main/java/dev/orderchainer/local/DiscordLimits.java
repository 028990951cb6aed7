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
        return componentsViolation(message.path("components"));
    }

    /** Action rows (at most 5) of link buttons (at most 5 each): a label of 1-80 characters, an http(s) URL of at most 512. */
    private static String componentsViolation(JsonNode components) {
        if (components.isMissingNode()) {
            return null;
        }
        if (!components.isArray() || components.size() > 5) {
            return "components: Must be 5 or fewer in length";
        }
        for (JsonNode row : components) {
            JsonNode buttons = row.path("components");
            if (row.path("type").asInt() != 1 || !buttons.isArray() || buttons.isEmpty() || buttons.size() > 5) {
                return "components: an action row (type 1) holds 1 to 5 components";
            }
            for (JsonNode button : buttons) {
                if (button.path("type").asInt() != 2 || button.path("style").asInt() != 5) {
                    return "components: a webhook may only send link buttons (type 2, style 5)";
                }
                String label = button.path("label").asText("");
                String url = button.path("url").asText("");
                if (label.isEmpty() || label.codePointCount(0, label.length()) > 80) {
                    return "components.label: Must be between 1 and 80 in length";
                }
                if (url.length() > 512 || !(url.startsWith("https://") || url.startsWith("http://"))) {
                    return "components.url: Scheme must be one of ('http', 'https') and at most 512 in length";
                }
            }
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
