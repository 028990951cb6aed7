package dev.orderchainer.discord.template;

import dev.orderchainer.discord.domain.DiscordLimits;

/**
 * A webhook's message template: an embed's title, description and footer, each optional (at least one given), each
 * no longer than Discord's limit for it. Rendered, every part is cut to its limit and all three together to the
 * message's 6,000 characters, so whatever the values, Discord accepts the embed.
 */
public final class MessageTemplate {
    private final TemplateText title;
    private final TemplateText description;
    private final TemplateText footer;

    private MessageTemplate(TemplateText title, TemplateText description, TemplateText footer) {
        this.title = title;
        this.description = description;
        this.footer = footer;
    }

    /** Null or empty parts are left out; refuses a template with none, and any part {@link TemplateText} refuses. */
    public static MessageTemplate parse(String title, String description, String footer) {
        if (isAbsent(title) && isAbsent(description) && isAbsent(footer)) {
            throw new InvalidTemplateException("template", "needs a title, a description or a footer");
        }
        return new MessageTemplate(
                isAbsent(title) ? null : TemplateText.parse(TemplatePart.TITLE, title),
                isAbsent(description) ? null : TemplateText.parse(TemplatePart.DESCRIPTION, description),
                isAbsent(footer) ? null : TemplateText.parse(TemplatePart.FOOTER, footer));
    }

    /** The parts as saved (null where absent). */
    public String titleSource() {
        return title == null ? null : title.source();
    }

    public String descriptionSource() {
        return description == null ? null : description.source();
    }

    public String footerSource() {
        return footer == null ? null : footer.source();
    }

    /**
     * The three texts for one event. Line breaks in the title become spaces (a title is one line). When every part
     * comes out empty (a template of placeholders with no values), the title is the order's title, or "OrderChainer".
     */
    public RenderedTemplate render(TemplateValues values) {
        String renderedTitle = titleOf(rendered(title, values));
        String renderedFooter = fit(rendered(footer, values), DiscordLimits.FOOTER_TEXT, DiscordLimits.FOOTER_TEXT * 2);
        // The message limit is counted as DiscordLimits.countedCharacters counts it (UTF-16 units, never fewer than characters).
        int left = DiscordLimits.MESSAGE_CHARACTERS - renderedTitle.length() - renderedFooter.length();
        String renderedDescription = fit(rendered(description, values), DiscordLimits.EMBED_DESCRIPTION, left);
        if (renderedTitle.isEmpty() && renderedDescription.isEmpty() && renderedFooter.isEmpty()) {
            String orderTitle = titleOf(DiscordMarkdown.withoutMassMentions(DiscordMarkdown.text(values.get(Placeholder.ORDER_TITLE))).strip());
            renderedTitle = orderTitle.isEmpty() ? "OrderChainer" : orderTitle;
        }
        return new RenderedTemplate(renderedTitle, renderedDescription, renderedFooter);
    }

    /** A title is one line: its line breaks become spaces. */
    private static String titleOf(String text) {
        return fit(text.replaceAll("[\\r\\n]+", " ").strip(), DiscordLimits.EMBED_TITLE, DiscordLimits.EMBED_TITLE * 2);
    }

    /** Null or empty: the part is not in the template (a blank one is parsed, and renders empty). */
    private static boolean isAbsent(String part) {
        return part == null || part.isEmpty();
    }

    private static String rendered(TemplateText text, TemplateValues values) {
        return text == null ? "" : DiscordMarkdown.withoutMassMentions(text.render(values)).strip();
    }

    /**
     * The text cut to at most {@code maxCodePoints} characters and {@code maxUnits} UTF-16 units, on a character
     * boundary, ending in an ellipsis when cut.
     */
    static String fit(String text, int maxCodePoints, int maxUnits) {
        String cut = DiscordLimits.truncate(text, maxCodePoints);
        if (cut.length() <= maxUnits) {
            return cut;
        }
        int end = maxUnits - 1;
        if (end > 0 && Character.isHighSurrogate(cut.charAt(end - 1))) {
            end--;
        }
        return cut.substring(0, Math.max(end, 0)) + "…";
    }
}
