package dev.orderchainer.common.text;

import dev.orderchainer.common.domain.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/** The one rule for an email address a user types (sign-up, invitations): at most 254 characters, a plausible shape. */
public final class EmailAddress {
    public static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile("^[^\\s@\"(),:;<>\\[\\]\\\\]{1,64}@"
            + "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    private EmailAddress() {}

    /** The address trimmed; a 400 naming the field 'email' when it is missing or not an address. */
    public static String checked(String email) {
        if (email == null) {
            throw new InvalidInputException("Field 'email' is required");
        }
        String clean = email.trim();
        if (clean.length() > MAX_LENGTH || !SHAPE.matcher(clean).matches()) {
            throw new InvalidInputException("Field 'email' must be a valid email address");
        }
        return clean;
    }

    /** Whether two addresses are the same mailbox as far as accounts go (case does not count, as for sign-up). */
    public static boolean same(String one, String other) {
        return one.trim().toLowerCase(Locale.ROOT).equals(other.trim().toLowerCase(Locale.ROOT));
    }
}
