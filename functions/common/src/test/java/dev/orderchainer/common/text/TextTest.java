package dev.orderchainer.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {
    @ParameterizedTest
    @ValueSource(strings = {"a\uFFFFb", "a\uFFFEb", "x\uD800y", "x\uDC00y", "tail\uD83D", "a\u0000b", "a\u0007b", "a\u001Bb",
        "a\u007Fb", "a\u0085b", "a\uFDD0b", "a\uFDEFb", "\uD83F\uDFFF", "\uDBFF\uDFFE"})
    void refusesWhatSqsOrDiscordWouldRefuseInEveryField(String value) {
        assertTrue(Text.problem(value, true).isPresent(), value);
        assertThrows(InvalidTextException.class, () -> Text.singleLine("title", value, 200));
        assertThrows(InvalidTextException.class, () -> Text.multiLine("description", value, 4000));
    }

    @Test
    void acceptsEveryOrdinaryCharacterIncludingAstralOnes() {
        String text = "Grüße 😀 日本 \uFFFD \uE000 \uFDCF \uFDF0 \uD83D\uDE00 zero\u200Dwidth";
        assertEquals(text, Text.singleLine("title", text, 200));
        assertEquals(text, Text.multiLine("description", text, 4000));
    }

    @Test
    void tabAndLineBreaksOnlyInMultiLineFields() {
        assertEquals("a\tb\r\nc", Text.multiLine("description", "a\tb\r\nc", 10));
        InvalidTextException refused = assertThrows(InvalidTextException.class, () -> Text.singleLine("title", "a\nb", 10));
        assertEquals("title", refused.field());
        assertTrue(refused.getMessage().startsWith("Field 'title' contains the control character U+000A at position 1"),
                refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u00A0", "\u200B", "\u200B\u200C\u200D\u2060\uFEFF", "\u3000\u2007\u202F", "\u3164", " \t "})
    void titlesOnlyOfInvisibleSpacesAreBlank(String value) {
        InvalidTextException refused = assertThrows(InvalidTextException.class, () -> Text.singleLine("title", value, 200));
        assertEquals("Field 'title' must not be blank", refused.getMessage());
    }

    @Test
    void trimsInvisibleSpaceAtTheEndsOnlyAndMeasuresWhatIsStored() {
        assertEquals("a\u00A0b", Text.singleLine("title", "\u200B \u00A0a\u00A0b\uFEFF\u3000", 3));
        assertEquals("x".repeat(200), Text.singleLine("title", "  " + "x".repeat(200) + "\u200B", 200));
        InvalidTextException tooLong = assertThrows(InvalidTextException.class, () -> Text.singleLine("title", "x".repeat(201), 200));
        assertEquals("Field 'title' must be at most 200 characters, got 201", tooLong.getMessage());
        assertEquals("😀".repeat(200), Text.singleLine("title", "😀".repeat(200), 200), "code points, not UTF-16 units");
        assertThrows(InvalidTextException.class, () -> Text.multiLine("description", "😀".repeat(4001), 4000));
    }

    @Test
    void sanitizedReplacesOnlyTheRefusedCharacters() {
        assertEquals("a\uFFFDb\uFFFDc\uFFFD😀\tok\uFFFD", Text.sanitized("a\uFFFFb\uD800c\u0000😀\tok\uDBFF\uDFFF"));
        assertEquals("plain", Text.sanitized("plain"));
        assertTrue(Text.problem(Text.sanitized("\uDC00\uD800\u0001"), true).isEmpty());
    }
}
