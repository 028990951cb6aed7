package dev.orderchainer.orders.domain;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * ULIDs: 48-bit millisecond time and 80 random bits in Crockford base32, so ids sort by creation
 * time (newest-first listing needs no extra index) and cannot be guessed.
 */
public final class OrderIds {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final Pattern FORMAT = Pattern.compile("^[0-7][0-9A-HJKMNP-TV-Z]{25}$");
    private static final SecureRandom SECURE_RANDOM = new SecureRandom();
    private final Clock clock;
    private final Random random;

    public OrderIds(Clock clock) {
        this(clock, SECURE_RANDOM);
    }

    /** With a chosen source of the 80 random bits, so a test can check how they are encoded. */
    OrderIds(Clock clock, Random random) {
        this.clock = clock;
        this.random = random;
    }

    public String next() {
        long time = clock.millis();
        byte[] bits = new byte[10];
        random.nextBytes(bits);
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        long high = 0;
        for (int i = 0; i < 5; i++) {
            high = (high << 8) | (bits[i] & 0xff);
        }
        long low = 0;
        for (int i = 5; i < 10; i++) {
            low = (low << 8) | (bits[i] & 0xff);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (high & 31)];
            high >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (low & 31)];
            low >>>= 5;
        }
        return new String(out);
    }

    public static boolean isValid(String id) {
        return id != null && FORMAT.matcher(id).matches();
    }
}
