package dev.orderchainer.discord.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.common.domain.InvalidInputException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookTest {
    private static Webhook webhook(Set<WebhookEvent> events, String assignee, boolean enabled) {
        return new Webhook("ws_1", "wh_1", true, "Releases", new WebhookUrl("1100000000000000001", "token"), null, null, null, events, assignee,
                null, enabled, null, Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void aWebhookWantsTheKindsItsFilterNamesForItsAssigneeOnlyAndNothingWhenDisabled() {
        Webhook completions = webhook(EnumSet.of(WebhookEvent.COMPLETED, WebhookEvent.FAILED), null, true);
        assertTrue(completions.wants(WebhookEvent.COMPLETED, null));
        assertTrue(completions.wants(WebhookEvent.FAILED, "u_2"));
        assertFalse(completions.wants(WebhookEvent.CREATED, null));
        Webhook adas = webhook(EnumSet.allOf(WebhookEvent.class), "u_ada", true);
        assertTrue(adas.wants(WebhookEvent.CREATED, "u_ada"));
        assertFalse(adas.wants(WebhookEvent.CREATED, "u_grace"));
        assertFalse(adas.wants(WebhookEvent.CREATED, null), "an unassigned order is not Ada's");
        assertFalse(webhook(EnumSet.allOf(WebhookEvent.class), null, false).wants(WebhookEvent.CREATED, null));
    }

    @Test
    void theFilterIsCopiedSoTheWebhookCannotChangeUnderfoot() {
        Set<WebhookEvent> events = EnumSet.of(WebhookEvent.READY);
        Webhook ready = webhook(events, null, true);
        events.add(WebhookEvent.BLOCKED);
        assertFalse(ready.wants(WebhookEvent.BLOCKED, null));
        assertThrows(UnsupportedOperationException.class, () -> ready.events().add(WebhookEvent.CREATED));
    }

    @Test
    void eventsAreParsedByNameWithRepeatsAsOneAndAnUnknownOrNoneRefused() {
        assertEquals(EnumSet.of(WebhookEvent.STARTED, WebhookEvent.DELETED), Webhook.events(List.of("started", "deleted", "started")));
        assertEquals(EnumSet.allOf(WebhookEvent.class), Webhook.events(Arrays.stream(WebhookEvent.values()).map(WebhookEvent::wire).toList()));
        InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> Webhook.events(List.of("created", "Completed")));
        assertEquals("events", unknown.field());
        assertEquals("Field 'events' has an unknown event 'Completed'; the events are created, updated, started, completed, failed, ready, "
                + "blocked, deleted", unknown.getMessage());
        assertEquals("events", assertThrows(InvalidInputException.class, () -> Webhook.events(List.of())).field());
        assertEquals("events", assertThrows(InvalidInputException.class, () -> Webhook.events(null)).field());
    }

    @Test
    void aThreadIdIsASnowflakeOrAbsent() {
        assertEquals("12345678901234567", Webhook.threadId("12345678901234567"));
        assertEquals("12345678901234567890", Webhook.threadId("12345678901234567890"));
        assertNull(Webhook.threadId(null));
        for (String bad : List.of("1234567890123456", "123456789012345678901", "01234567890123456", "1234567890123456a", "", " 12345678901234567")) {
            assertEquals("thread_id", assertThrows(InvalidInputException.class, () -> Webhook.threadId(bad)).field(), bad);
        }
    }

    @Test
    void theKindsAreNamedAsTheApiNamesThem() {
        assertEquals(List.of("created", "updated", "started", "completed", "failed", "ready", "blocked", "deleted"),
                Arrays.stream(WebhookEvent.values()).map(WebhookEvent::wire).toList());
        assertEquals(WebhookEvent.READY, WebhookEvent.of("ready").orElseThrow());
        assertTrue(WebhookEvent.of("READY").isEmpty());
        assertEquals(10, Webhook.MAX_PER_WORKSPACE);
    }
}
