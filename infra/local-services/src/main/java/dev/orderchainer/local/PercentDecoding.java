package dev.orderchainer.local;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding that never refuses: each "%XX" becomes its byte, a '%' that starts no escape stays as it
 * is, and bytes that are not UTF-8 become U+FFFD. API Gateway documents no refusal of a badly escaped URL,
 * so such a request reaches the function, which answers with its own problem document.
 */
public final class PercentDecoding {
    private PercentDecoding() {}

    /** @param plusIsSpace true for a query string ('+' is a space there), false for a path */
    public static String lenient(String raw, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            int high = c == '%' && i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
            if (low >= 0) {
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
