package dev.orderchainer.common.text;

import java.util.Optional;

/**
 * The one definition of text OrderChainer accepts and stores: what DynamoDB, SQS (which refuses
 * U+FFFE, U+FFFF, lone surrogates and most C0 controls), Discord and browsers all take. Every
 * string of every request body is checked with {@link #problem}; stored fields are then trimmed and
 * measured by {@link #singleLine} or {@link #multiLine}, so what is stored is what was checked.
 */
public final class Text {
    private Text() {}

    /**
     * Why {@code value} cannot be stored, if it cannot: U+0000 and other control characters (tab,
     * line feed and carriage return only where {@code multiLine}), noncharacters, lone surrogates.
     */
    public static Optional<String> problem(String value, boolean multiLine) {
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            if (!allowed(codePoint, multiLine)) {
                return Optional.of(refusal(codePoint, multiLine, i));
            }
            i += Character.charCount(codePoint);
        }
        return Optional.empty();
    }

    /** The rule itself, per code point (a lone surrogate comes out of codePointAt as itself). */
    private static boolean allowed(int codePoint, boolean multiLine) {
        int type = Character.getType(codePoint);
        if (type == Character.SURROGATE || isNoncharacter(codePoint)) {
            return false;
        }
        return type != Character.CONTROL || (multiLine && (codePoint == '\t' || codePoint == '\n' || codePoint == '\r'));
    }

    private static String refusal(int codePoint, boolean multiLine, int position) {
        if (Character.getType(codePoint) == Character.SURROGATE) {
            return "contains a lone surrogate " + hex(codePoint) + " at position " + position + " (not valid Unicode text)";
        }
        if (isNoncharacter(codePoint)) {
            return "contains the noncharacter " + hex(codePoint) + " at position " + position;
        }
        return "contains the control character " + hex(codePoint) + " at position " + position
                + (multiLine ? " (only tab and line breaks are allowed)" : " (it must be a single line)");
    }

    /**
     * A one-line field as stored: trimmed of spaces, no-break and zero-width spaces, not blank,
     * at most {@code maxCodePoints} after trimming.
     */
    public static String singleLine(String field, String value, int maxCodePoints) {
        String trimmed = trim(value);
        problem(trimmed, false).ifPresent(reason -> {
            throw new InvalidTextException(field, reason);
        });
        if (trimmed.isEmpty()) {
            throw new InvalidTextException(field, "must not be blank");
        }
        checkLength(field, trimmed, maxCodePoints);
        return trimmed;
    }

    /** A free-text field as stored: tabs and line breaks allowed, kept as sent, at most {@code maxCodePoints}. */
    public static String multiLine(String field, String value, int maxCodePoints) {
        problem(value, true).ifPresent(reason -> {
            throw new InvalidTextException(field, reason);
        });
        checkLength(field, value, maxCodePoints);
        return value;
    }

    /** For text that is already stored (older data): every character {@link #problem} refuses becomes U+FFFD. */
    public static String sanitized(String value) {
        if (value == null || problem(value, true).isEmpty()) {
            return value;
        }
        StringBuilder clean = new StringBuilder(value.length());
        value.codePoints().forEach(codePoint -> clean.appendCodePoint(allowed(codePoint, true) ? codePoint : 0xFFFD));
        return clean.toString();
    }

    /** Strips what a person cannot see at either end: white space, no-break spaces, zero-width characters, fillers. */
    public static String trim(String value) {
        int start = 0;
        int end = value.length();
        while (start < end) {
            int codePoint = value.codePointAt(start);
            if (!isInvisibleSpace(codePoint)) {
                break;
            }
            start += Character.charCount(codePoint);
        }
        while (end > start) {
            int codePoint = value.codePointBefore(end);
            if (!isInvisibleSpace(codePoint)) {
                break;
            }
            end -= Character.charCount(codePoint);
        }
        return value.substring(start, end);
    }

    private static boolean isInvisibleSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || codePoint == 0x200B || codePoint == 0x200C || codePoint == 0x200D || codePoint == 0x2060
                || codePoint == 0xFEFF || codePoint == 0x180E || codePoint == 0x115F || codePoint == 0x1160
                || codePoint == 0x3164 || codePoint == 0xFFA0;
    }

    private static void checkLength(String field, String value, int maxCodePoints) {
        int length = value.codePointCount(0, value.length());
        if (length > maxCodePoints) {
            throw new InvalidTextException(field, "must be at most " + maxCodePoints + " characters, got " + length);
        }
    }

    /** U+FDD0..U+FDEF and the last two code points of every plane: never for interchange, refused by SQS. */
    static boolean isNoncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    private static String hex(int codePoint) {
        return String.format("U+%04X", codePoint);
    }
}
