package dev.orderchainer.discord.template;

import dev.orderchainer.common.text.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * One text of a message template, parsed when it is saved: literal text with placeholders in braces. "{{" and "}}"
 * are a literal brace; any other brace, or a name that is not a {@link Placeholder}, refuses the template with where
 * it is. The template's own text is the author's markdown and is kept as written; values are made safe by
 * {@link DiscordMarkdown}.
 */
public final class TemplateText {
    /** A longer name than this in braces is shown cut in the refusal. */
    private static final int SHOWN_NAME = 40;

    private sealed interface Part permits Literal, Slot {
    }

    private record Literal(String text) implements Part {
    }

    private record Slot(Placeholder placeholder) implements Part {
    }

    private final String source;
    private final List<Part> parts;
    /** Whether Discord reads markdown where this text lands: values are then escaped, else kept as written. */
    private final boolean markdown;

    private TemplateText(String source, List<Part> parts, boolean markdown) {
        this.source = source;
        this.parts = List.copyOf(parts);
        this.markdown = markdown;
    }

    /** The text of one part of a template, refused (naming the part's field and where) unless it reads. */
    public static TemplateText parse(TemplatePart part, String source) {
        String field = part.field();
        Text.problem(source, part.multiLine()).ifPresent(reason -> {
            throw new InvalidTemplateException(field, reason);
        });
        if (source.codePointCount(0, source.length()) > part.maxCodePoints()) {
            throw new InvalidTemplateException(field, "is longer than " + part.maxCodePoints() + " characters");
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            boolean doubled = i + 1 < source.length() && source.charAt(i + 1) == c;
            if ((c == '{' || c == '}') && doubled) {
                literal.append(c);
                i += 2;
            } else if (c == '}') {
                throw new InvalidTemplateException(field,
                        "has a } at " + where(source, i) + " with no { before it (write }} for a literal brace)");
            } else if (c == '{') {
                int close = closing(source, i);
                if (close < 0) {
                    throw new InvalidTemplateException(field,
                            "has a { at " + where(source, i) + " that is not closed on its line (write {{ for a literal brace)");
                }
                String name = source.substring(i + 1, close);
                int at = i;
                Placeholder placeholder = Placeholder.of(name).orElseThrow(() -> new InvalidTemplateException(field, "has an unknown placeholder {"
                        + shown(name) + "} at " + where(source, at) + "; the placeholders are " + Placeholder.known()));
                if (!literal.isEmpty()) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(new Slot(placeholder));
                i = close + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return new TemplateText(source, parts, part.markdown());
    }

    /** As saved: what the API answers and the store keeps. */
    public String source() {
        return source;
    }

    /** The text for one event, before Discord's limits are applied. */
    String render(TemplateValues values) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                out.append(literal.text());
            } else if (part instanceof Slot slot) {
                String value = values.get(slot.placeholder());
                if (!markdown) {
                    out.append(DiscordMarkdown.wellFormed(value));
                } else {
                    out.append(slot.placeholder().kind() == Placeholder.Kind.LINK ? DiscordMarkdown.link(value) : DiscordMarkdown.text(value));
                }
            }
        }
        return out.toString();
    }

    /** The "}" closing the "{" at {@code open} on the same line, or -1 (another "{" first counts as not closed). */
    private static int closing(String source, int open) {
        for (int i = open + 1; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '}') {
                return i;
            }
            if (c == '{' || c == '\n' || c == '\r') {
                return -1;
            }
        }
        return -1;
    }

    /** "line 2, column 7": counted in characters (code points) from 1, as an editor shows them. */
    static String where(String source, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (source.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", column " + (source.codePointCount(lineStart, index) + 1);
    }

    private static String shown(String name) {
        return name.codePointCount(0, name.length()) <= SHOWN_NAME ? name : name.substring(0, name.offsetByCodePoints(0, SHOWN_NAME)) + "…";
    }
}
