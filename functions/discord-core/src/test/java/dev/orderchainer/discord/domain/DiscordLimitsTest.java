package dev.orderchainer.discord.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderchainer.common.json.Json;
import org.junit.jupiter.api.Test;

class DiscordLimitsTest {
    @Test
    void aTextAtTheLimitIsKeptAndOneOverIsCutToTheLimitWithAnEllipsis() {
        assertEquals("abcd", DiscordLimits.truncate("abcd", 4));
        assertEquals("abc…", DiscordLimits.truncate("abcde", 4));
    }

    @Test
    void truncationCountsCodePointsAndNeverSplitsOne() {
        String foxes = "🦊".repeat(300);
        String cut = DiscordLimits.truncate(foxes, 256);
        assertEquals(256, cut.codePointCount(0, cut.length()));
        assertEquals("🦊".repeat(255) + "…", cut);
        assertEquals("🦊🦊", DiscordLimits.truncate("🦊🦊", 2));
    }

    @Test
    void theCountedCharactersAreTitleDescriptionFieldNamesAndValuesAndFooter() {
        ObjectNode embed = Json.mapper().createObjectNode().put("title", "ab").put("description", "cde").put("url", "https://not.counted");
        embed.putArray("fields").addObject().put("name", "f").put("value", "ghij");
        embed.withArray("fields").addObject().put("name", "kl").put("value", "m");
        embed.putObject("footer").put("text", "nopqr");
        assertEquals(2 + 3 + 1 + 4 + 2 + 1 + 5, DiscordLimits.countedCharacters(embed));
        assertEquals(0, DiscordLimits.countedCharacters(Json.mapper().createObjectNode()));
    }
}
