package dev.orderchainer.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orderchainer.local.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A value read on first use, again after its age, and kept through a failed re-read. */
class CachedValueTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final AtomicReference<String> source = new AtomicReference<>("https://one.example.com");
    private final AtomicInteger reads = new AtomicInteger();
    private final CachedValue<String> value = new CachedValue<>("the app URL", () -> {
        reads.incrementAndGet();
        String current = source.get();
        if (current == null) {
            throw new IllegalStateException("the table does not answer");
        }
        return current;
    }, Duration.ofMinutes(5), clock);

    @Test
    void nothingIsReadBeforeTheFirstUseAndThenOnceForItsAge() {
        assertEquals(0, reads.get());
        assertEquals("https://one.example.com", value.get());
        source.set("https://two.example.com");
        clock.advance(Duration.ofMinutes(4));
        assertEquals("https://one.example.com", value.get(), "still fresh");
        assertEquals(1, reads.get());
        clock.advance(Duration.ofMinutes(2));
        assertEquals("https://two.example.com", value.get());
        assertEquals(2, reads.get());
    }

    @Test
    void anOutageKeepsWhatWasReadAndTriesAgainAfterTheAge() {
        assertEquals("https://one.example.com", value.get());
        source.set(null);
        clock.advance(Duration.ofMinutes(6));
        assertEquals("https://one.example.com", value.get(), "an outage keeps what was read");
        assertEquals("https://one.example.com", value.get(), "and does not ask again at once");
        assertEquals(2, reads.get());
        source.set("https://three.example.com");
        clock.advance(Duration.ofMinutes(6));
        assertEquals("https://three.example.com", value.get());
    }

    @Test
    void withNothingReadYetAnOutageIsTheCallersFailure() {
        source.set(null);
        assertThrows(IllegalStateException.class, value::get);
        source.set("https://one.example.com");
        assertEquals("https://one.example.com", value.get(), "the next use reads again");
    }
}
