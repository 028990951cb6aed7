package dev.orderchainer.discord.template;

import dev.orderchainer.discord.domain.DiscordLimits;

/**
 * The three texts of a message template and how Discord shows each: its limit, whether it may span lines, and whether
 * Discord reads markdown there. A footer is shown as plain text, so values placed in it are not escaped (a backslash
 * would show); in the title and description they are.
 */
public enum TemplatePart {
    TITLE("template.title", DiscordLimits.EMBED_TITLE, false, true),
    DESCRIPTION("template.description", DiscordLimits.EMBED_DESCRIPTION, true, true),
    FOOTER("template.footer", DiscordLimits.FOOTER_TEXT, true, false);

    private final String field;
    private final int maxCodePoints;
    private final boolean multiLine;
    private final boolean markdown;

    TemplatePart(String field, int maxCodePoints, boolean multiLine, boolean markdown) {
        this.field = field;
        this.maxCodePoints = maxCodePoints;
        this.multiLine = multiLine;
        this.markdown = markdown;
    }

    /** The request field a refusal names. */
    public String field() {
        return field;
    }

    /** The longest source accepted: Discord's limit for the text it becomes. */
    public int maxCodePoints() {
        return maxCodePoints;
    }

    boolean multiLine() {
        return multiLine;
    }

    boolean markdown() {
        return markdown;
    }
}
