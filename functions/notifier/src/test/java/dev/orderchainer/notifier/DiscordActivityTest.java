package dev.orderchainer.notifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.common.table.TableKeys;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Which webhook changed, in the activity log: a named one by its name, the one of before as always. */
class DiscordActivityTest {
    private static final String WORKSPACE = "ws_0123456789abcdef01234567";

    private static Map<String, AttributeValue> image(String name, String updatedAt) {
        Map<String, AttributeValue> image = new HashMap<>();
        if (name != null) {
            image.put("name", AttributeValue.fromS(name));
        }
        image.put("updated_at", AttributeValue.fromS(updatedAt));
        image.put("changed_by", AttributeValue.fromS("user-ada"));
        image.put("changed_at", AttributeValue.fromS(updatedAt));
        return image;
    }

    private static String summary(Map<String, AttributeValue> keys, Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        Optional<ActivityChanges.Draft> draft = ActivityChanges.of("event-1", keys, before, after, Instant.parse("2026-12-06T10:00:00Z"));
        assertTrue(draft.isPresent());
        assertEquals("discord.changed", draft.get().action());
        return draft.get().summary().apply(Map.of());
    }

    @Test
    void aNamedWebhookIsNamedAndTheOneOfBeforeKeepsItsWords() {
        Map<String, AttributeValue> other = TableKeys.discordWebhook(WORKSPACE, "wh_0123456789abcdef01234567");
        assertEquals("added the Discord webhook “Releases”", summary(other, null, image("Releases", "2026-12-06T10:00:00Z")));
        assertEquals("changed the Discord webhook “Releases”",
                summary(other, image("Releases", "2026-12-06T10:00:00Z"), image("Releases", "2026-12-06T10:00:05Z")));
        assertEquals("removed the Discord webhook “Releases”", summary(other, image("Releases", "2026-12-06T10:00:05Z"), null));
        Map<String, AttributeValue> first = TableKeys.discordFirstWebhook(WORKSPACE);
        assertEquals("set up Discord notifications", summary(first, null, image(null, "2026-12-06T10:00:00Z")));
        assertEquals("removed Discord notifications", summary(first, image(null, "2026-12-06T10:00:00Z"), null));
    }

    @Test
    void theCountOfWebhooksIsNoActivity() {
        assertTrue(ActivityChanges.of("event-2", TableKeys.discordWebhookCount(WORKSPACE), null, image(null, "2026-12-06T10:00:00Z"),
                Instant.parse("2026-12-06T10:00:00Z")).isEmpty());
    }
}
