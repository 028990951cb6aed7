package dev.orderchainer.orders.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Order ids are ULIDs: checked against an encoding computed another way (BigInteger in base 32, Crockford's digits). */
class OrderIdsTest {
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /** {@code value} in Crockford base 32, left-padded with zeros to {@code digits}. */
    private static String crockford(BigInteger value, int digits) {
        StringBuilder out = new StringBuilder();
        for (char digit : value.toString(32).toCharArray()) {
            out.append(CROCKFORD.charAt(Character.digit(digit, 32)));
        }
        return "0".repeat(digits - out.length()) + out;
    }

    /** A source that hands out exactly these bytes. */
    private static Random bytes(byte[] chosen) {
        return new Random() {
            @Override
            public void nextBytes(byte[] into) {
                System.arraycopy(chosen, 0, into, 0, into.length);
            }
        };
    }

    private static OrderIds at(long millis, byte[] random) {
        return new OrderIds(Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC), bytes(random));
    }

    @ParameterizedTest
    @ValueSource(longs = {0L, 1L, 31L, 32L, 1_469_918_176_385L, 1_764_072_000_000L, (1L << 48) - 1})
    void theFirstTenCharactersAreTheMillisecondTime(long millis) {
        String id = at(millis, new byte[10]).next();
        assertEquals(crockford(BigInteger.valueOf(millis), 10), id.substring(0, 10));
        assertEquals("0".repeat(16), id.substring(10));
    }

    @Test
    void theSpecsExampleTime() {
        // The ULID specification's example: 1469918176385 ms encodes as 01ARYZ6S41.
        assertEquals("01ARYZ6S41", at(1_469_918_176_385L, new byte[10]).next().substring(0, 10));
    }

    @Test
    void theLastSixteenCharactersAreAllEightyRandomBitsInOrder() {
        Random seeded = new Random(12);
        for (int round = 0; round < 200; round++) {
            byte[] random = new byte[10];
            seeded.nextBytes(random);
            String id = at(0, random).next();
            assertEquals(crockford(new BigInteger(1, random), 16), id.substring(10), "bytes " + new BigInteger(1, random).toString(16));
            assertTrue(OrderIds.isValid(id), id);
        }
    }

    @Test
    void eachRandomByteReachesTheId() {
        byte[] random = new byte[10];
        String zero = at(0, random).next();
        for (int i = 0; i < 10; i++) {
            byte[] one = new byte[10];
            one[i] = 1;
            assertNotEquals(zero, at(0, one).next(), "byte " + i);
        }
        byte[] full = new byte[10];
        Arrays.fill(full, (byte) 0xff);
        assertEquals("Z".repeat(16), at(0, full).next().substring(10));
    }

    @Test
    void idsFromTheSecureSourceDifferAndSortByTime() {
        OrderIds early = new OrderIds(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));
        OrderIds late = new OrderIds(Clock.fixed(Instant.parse("2026-11-25T10:00:00.001Z"), ZoneOffset.UTC));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(early.next()), "1000 ids in one millisecond are all different");
        }
        assertTrue(seen.stream().allMatch(id -> id.compareTo(late.next()) < 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "01JDQ8X3V7M2K9P4R6T8W0Y2A", "01JDQ8X3V7M2K9P4R6T8W0Y2A4X", "81JDQ8X3V7M2K9P4R6T8W0Y2A4",
        "01JDQ8X3V7M2K9P4R6T8W0Y2AI", "01JDQ8X3V7M2K9P4R6T8W0Y2AU", "01jdq8x3v7m2k9p4r6t8w0y2a4", "../../etc"})
    void malformedIdsAreNotIds(String id) {
        assertFalse(OrderIds.isValid(id), id);
    }

    @Test
    void nullIsNotAnId() {
        assertFalse(OrderIds.isValid(null));
        assertTrue(OrderIds.isValid("7ZZZZZZZZZZZZZZZZZZZZZZZZZ"));
    }
}
