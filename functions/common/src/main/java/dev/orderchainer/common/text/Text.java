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
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    int codePoint = Character.toCodePoint(c, value.charAt(i + 1));
                    if (isNoncharacter(codePoint)) {
                        return Optional.of("contains the noncharacter " + hex(codePoint) + " at position " + i);
                    }
                    i++;
                    continue;
                }
                return Optional.of("contains a lone surrogate " + hex(c) + " at position " + i + " (not valid Unicode text)");
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("contains a lone surrogate " + hex(c) + " at position " + i + " (not valid Unicode text)");
            }
            if (isNoncharacter(c)) {
                return Optional.of("contains the noncharacter " + hex(c) + " at position " + i);
            }
            if (Character.getType(c) == Character.CONTROL && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
                return Optional.of("contains the control character " + hex(c) + " at position " + i
                        + (multiLine ? " (only tab and line breaks are allowed)" : " (it must be a single line)"));
            }
        }
        return Optional.empty();
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
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, value.charAt(++i));
                clean.appendCodePoint(isNoncharacter(codePoint) ? 0xFFFD : codePoint);
            } else if (Character.isSurrogate(c) || isNoncharacter(c)
                    || (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r')) {
                clean.append('\uFFFD');
            } else {
                clean.append(c);
            }
        }
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
