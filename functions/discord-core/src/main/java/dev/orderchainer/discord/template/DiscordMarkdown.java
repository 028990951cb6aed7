package dev.orderchainer.discord.template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a value safe to place inside our messages' markdown (a template's text, a digest line): whatever an order's
 * title or a member's name holds, it shows as written and cannot open or close the markdown around it, start a list,
 * heading or quote, form a mention, a masked link or a timestamp, or leave half a character.
 */
public final class DiscordMarkdown {
    /** Discord shows a backslash-escaped punctuation character as itself (its markdown's escape rule). */
    private static final String ESCAPED = "\\*_~`|<>[]()#@";
    /** A bare link, kept as written so Discord still links it; it ends where markdown or a mention could begin. */
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\\[\\]()*|`\\\\@]+");
    private static final Pattern MASS_MENTION = Pattern.compile("@(everyone|here)");
    private static final char ZERO_WIDTH_SPACE = '\u200B';
    private static final char REPLACEMENT = '\uFFFD';

    private DiscordMarkdown() {
    }

    /** A value as literal text: markdown characters escaped outside its links, list markers at a line's start too. */
    public static String text(String value) {
        String text = wellFormed(value);
        StringBuilder out = new StringBuilder(text.length() + 16);
        Matcher link = LINK.matcher(text);
        int from = 0;
        while (link.find()) {
            escapeInto(out, text, from, link.start());
            out.append(link.group());
            from = link.end();
        }
        escapeInto(out, text, from, text.length());
        return out.toString();
    }

    /** A link value (our own order page): characters that would end a masked link or start markdown are percent-encoded. */
    static String link(String value) {
        String text = wellFormed(value);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || "<>[]()*|`\\\"".indexOf(c) >= 0) {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4 & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** "@everyone" and "@here" anywhere (a template's own text included) never read as the mass mentions. */
    static String withoutMassMentions(String text) {
        return MASS_MENTION.matcher(text).replaceAll("@" + ZERO_WIDTH_SPACE + "$1");
    }

    /** Each lone surrogate replaced by U+FFFD, so what is posted is valid Unicode. */
    static String wellFormed(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append(REPLACEMENT);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static void escapeInto(StringBuilder out, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (ESCAPED.indexOf(c) >= 0 || isListMarker(text, i)) {
                out.append('\\');
            }
            out.append(c);
        }
    }

    /** "- ", "+ " or the "." of "1. " as the first thing on a line (spaces before it allowed): a list item otherwise. */
    private static boolean isListMarker(String text, int at) {
        char c = text.charAt(at);
        int start = at;
        if (c == '.') {
            while (start > 0 && Character.isDigit(text.charAt(start - 1))) {
                start--;
            }
            if (start == at) {
                return false;
            }
        } else if (c != '-' && c != '+') {
            return false;
        }
        while (start > 0 && (text.charAt(start - 1) == ' ' || text.charAt(start - 1) == '\t')) {
            start--;
        }
        return start == 0 || text.charAt(start - 1) == '\n' || text.charAt(start - 1) == '\r';
    }
}
