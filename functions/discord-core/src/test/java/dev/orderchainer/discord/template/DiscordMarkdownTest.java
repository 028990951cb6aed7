package dev.orderchainer.discord.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DiscordMarkdownTest {
    @Test
    void markdownCharactersInAValueAreEscapedSoTheyShowAsWritten() {
        assertEquals("\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~ \\`code\\` \\|\\|spoiler\\|\\| \\\\",
                DiscordMarkdown.text("**bold** _it_ ~~s~~ `code` ||spoiler|| \\"));
        assertEquals("\\[click\\]\\(https://evil.example\\)", DiscordMarkdown.text("[click](https://evil.example)"));
        assertEquals("\\# heading \\> quote", DiscordMarkdown.text("# heading > quote"));
    }

    @Test
    void mentionsTimestampsAndChannelsInAValueDoNotForm() {
        assertEquals("\\<\\@123\\> \\<\\@&9\\> \\<\\#5\\> \\<t:1:R\\> \\@everyone ada\\@example.com",
                DiscordMarkdown.text("<@123> <@&9> <#5> <t:1:R> @everyone ada@example.com"));
    }

    @Test
    void listMarkersAreEscapedOnlyAtTheStartOfALine() {
        assertEquals("\\- a\n  \\+ b\n12\\. c\nx - y + z 1. 2", DiscordMarkdown.text("- a\n  + b\n12. c\nx - y + z 1. 2"));
        assertEquals("\\-", DiscordMarkdown.text("-"));
        assertEquals("\t\\- tab\na\r\\+ cr", DiscordMarkdown.text("\t- tab\na\r+ cr"));
        assertEquals(".", DiscordMarkdown.text("."));
    }

    @Test
    void aBareLinkStaysALinkAndEndsWhereMarkdownCouldBegin() {
        assertEquals("see https://example.com/a_b-c.d?x=1#top now", DiscordMarkdown.text("see https://example.com/a_b-c.d?x=1#top now"));
        assertEquals("https://example.com/a\\*b\\*", DiscordMarkdown.text("https://example.com/a*b*"));
        assertEquals("\\(https://example.com\\)", DiscordMarkdown.text("(https://example.com)"));
    }

    @Test
    void aLinkValueIsPercentEncodedWhereItCouldEndAMaskedLinkOrStartMarkdown() {
        assertEquals("https://app.example/orders/o_1?workspace=ws_2", DiscordMarkdown.link("https://app.example/orders/o_1?workspace=ws_2"));
        assertEquals("https://x/%28a%29%5Bb%5D%20%3C%3E%2A%7C%60%5C%22", DiscordMarkdown.link("https://x/(a)[b] <>*|`\\\""));
    }

    @Test
    void massMentionsAnywhereGetAZeroWidthSpace() {
        assertEquals("@\u200Beveryone and @\u200Bhere, not @hero", DiscordMarkdown.withoutMassMentions("@everyone and @here, not @hero"));
    }

    @Test
    void loneSurrogatesBecomeReplacementCharactersAndPairsStay() {
        assertEquals("a\uFFFDb🦊\uFFFD", DiscordMarkdown.wellFormed("a\uDC00b🦊\uD83E"));
        assertEquals("🦊\uFFFD\uFFFD", DiscordMarkdown.wellFormed("🦊\uDC00\uD800"));
        String clean = "plain 🦊";
        assertEquals(clean, DiscordMarkdown.wellFormed(clean));
        assertEquals("\uFFFD\\*", DiscordMarkdown.text("\uD800*"));
        assertEquals("https://x/\uFFFD", DiscordMarkdown.link("https://x/\uDFFF"));
    }
}
