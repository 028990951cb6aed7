package dev.orderchainer.common.table;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The form of every listing's next_cursor: base64url of "1|field|…", opaque to clients and never a DynamoDB key taken
 * from them. Only the form is checked here; each listing checks that the fields are its own and rebuilds its key from them.
 */
public final class PageCursors {
    private static final String VERSION = "1";

    private PageCursors() {}

    public static String encode(String... fields) {
        String plain = VERSION + "|" + String.join("|", fields);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @return the {@code count} fields of a cursor {@link #encode} wrote
     * @throws MalformedCursorException for anything longer than {@code maxLength}, not base64url text, or of another form
     */
    public static List<String> decode(String cursor, int count, int maxLength) {
        if (cursor.length() > maxLength) {
            throw new MalformedCursorException(Problem.TOO_LONG);
        }
        String plain;
        try {
            plain = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor))).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            // Base64's refusal is an IllegalArgumentException: caught here, where nothing else can throw one.
            throw new MalformedCursorException(Problem.NOT_BASE64URL_TEXT);
        }
        String[] fields = plain.split("\\|", -1);
        if (fields.length != count + 1 || !fields[0].equals(VERSION)) {
            throw new MalformedCursorException(Problem.OTHER_FORM);
        }
        return List.copyOf(Arrays.asList(fields).subList(1, fields.length));
    }

    /** What is wrong with a cursor's form; each listing words it for its own answer. */
    public enum Problem { TOO_LONG, NOT_BASE64URL_TEXT, OTHER_FORM }

    /** A cursor not of the form {@link #encode} writes. */
    public static final class MalformedCursorException extends RuntimeException {
        private final Problem problem;

        MalformedCursorException(Problem problem) {
            super(problem.name(), null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }
}
