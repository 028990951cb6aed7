package dev.orderchainer.discord.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Discord's limits on what a webhook message may hold (docs: "Embed Limits"), the one place the renderers and the
 * sender read them. Discord refuses a message past any of them with a 400, so every text is cut to fit first.
 */
public final class DiscordLimits {
    /** A webhook message's username: 1 to 80 characters. */
    public static final int WEBHOOK_USERNAME = 80;
    public static final int EMBED_TITLE = 256;
    public static final int EMBED_DESCRIPTION = 4096;
    public static final int FIELD_NAME = 256;
    public static final int FIELD_VALUE = 1024;
    public static final int FOOTER_TEXT = 2048;
    public static final int EMBEDS_PER_MESSAGE = 10;
    /** Title, description, field names and values and footer text of all a message's embeds together. */
    public static final int MESSAGE_CHARACTERS = 6000;

    private DiscordLimits() {}

    /** The text cut to {@code limit} code points, the last one an ellipsis when it was cut (never half a surrogate pair). */
    public static String truncate(String text, int limit) {
        if (text.codePointCount(0, text.length()) <= limit) {
            return text;
        }
        int end = text.offsetByCodePoints(0, limit - 1);
        return text.substring(0, end) + "…";
    }

    /** The characters of an embed that count toward {@link #MESSAGE_CHARACTERS}. */
    public static int countedCharacters(ObjectNode embed) {
        int size = embed.path("title").asText("").length() + embed.path("description").asText("").length()
                + embed.path("footer").path("text").asText("").length();
        for (var field : embed.path("fields")) {
            size += field.path("name").asText("").length() + field.path("value").asText("").length();
        }
        return size;
    }
}
