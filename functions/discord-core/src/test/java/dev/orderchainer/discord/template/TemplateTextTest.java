package dev.orderchainer.discord.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateTextTest {
    private static String render(String source, TemplateValues values) {
        return TemplateText.parse(TemplatePart.DESCRIPTION, source).render(values);
    }

    @Test
    void placeholdersAreReplacedAndLiteralTextIsKeptAsTheAuthorWroteIt() {
        TemplateValues values = new TemplateValues().with(Placeholder.ORDER_TITLE, "Ship it").with(Placeholder.ACTOR, "ada")
                .with(Placeholder.ORDER_STATUS, "completed");
        assertEquals("**Ship it** is completed (by ada) — _done_",
                render("**{order.title}** is {order.status} (by {actor}) — _done_", values));
    }

    @Test
    void everyPlaceholderIsKnownByItsNameAndAnAbsentValueRendersAsNothing() {
        for (Placeholder placeholder : Placeholder.values()) {
            String source = "<{" + placeholder.wire() + "}>";
            assertEquals("<x>", render(source, new TemplateValues().with(placeholder, "x")), source);
            assertEquals("<>", render(source, new TemplateValues()), source);
        }
        assertEquals(11, Placeholder.values().length);
    }

    @Test
    void doubledBracesAreLiteralBraces() {
        assertEquals("{order.title} is {x}", render("{{order.title}} is {{x}}", new TemplateValues().with(Placeholder.ORDER_TITLE, "no")));
        assertEquals("{a}", render("{{{order.id}}}", new TemplateValues().with(Placeholder.ORDER_ID, "a")));
    }

    @Test
    void theSourceIsKeptAsSaved() {
        assertEquals("{order.title}  ", TemplateText.parse(TemplatePart.TITLE, "{order.title}  ").source());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Hello {order.titel}|has an unknown placeholder {order.titel} at line 1, column 7",
        "ok\\nsecond {Order.Title} line|has an unknown placeholder {Order.Title} at line 2, column 8",
        "{}|has an unknown placeholder {} at line 1, column 1",
        "🦊🦊 {nope}|has an unknown placeholder {nope} at line 1, column 4",
        "{order.title|has a { at line 1, column 1 that is not closed on its line",
        "a {order.title\\n}|has a { at line 1, column 3 that is not closed on its line",
        "{ {order.title}|has a { at line 1, column 1 that is not closed on its line",
        "done }|has a } at line 1, column 6 with no { before it",
        "{order.title}}|has a } at line 1, column 14 with no { before it",
    })
    void aBadTemplateIsRefusedNamingTheFieldWhatAndWhere(String source, String reason) {
        InvalidTemplateException refusal = assertThrows(InvalidTemplateException.class,
                () -> TemplateText.parse(TemplatePart.DESCRIPTION, source.replace("\\n", "\n")));
        assertEquals("template.description", refusal.field());
        assertEquals(true, refusal.getMessage().startsWith("Field 'template.description' " + reason), refusal.getMessage());
    }

    @Test
    void anUnknownPlaceholderRefusalListsTheKnownOnes() {
        String message = assertThrows(InvalidTemplateException.class, () -> render("{x}", new TemplateValues())).getMessage();
        Arrays.stream(Placeholder.values()).forEach(p -> assertEquals(true, message.contains("{" + p.wire() + "}"), message));
    }

    @Test
    void aLongUnknownNameIsShownCut() {
        String forty = "z".repeat(40);
        assertEquals(true, assertThrows(InvalidTemplateException.class, () -> render("{" + forty + "}", new TemplateValues())).getMessage()
                .contains("{" + forty + "}"));
        String name = "y".repeat(100);
        String message = assertThrows(InvalidTemplateException.class, () -> render("{" + name + "}", new TemplateValues())).getMessage();
        assertEquals(true, message.contains("{" + "y".repeat(40) + "…}"), message);
    }

    @Test
    void textThatCannotBeStoredOrIsTooLongOrHasLineBreaksInATitleIsRefused() {
        assertThrows(InvalidTemplateException.class, () -> TemplateText.parse(TemplatePart.TITLE, "a\nb"));
        assertThrows(InvalidTemplateException.class, () -> TemplateText.parse(TemplatePart.TITLE, "bad \uD800"));
        assertThrows(InvalidTemplateException.class, () -> TemplateText.parse(TemplatePart.TITLE, "bell \u0007"));
        assertEquals("🦊".repeat(256), TemplateText.parse(TemplatePart.TITLE, "🦊".repeat(256)).source());
        InvalidTemplateException tooLong = assertThrows(InvalidTemplateException.class,
                () -> TemplateText.parse(TemplatePart.TITLE, "a".repeat(257)));
        assertEquals("Field 'template.title' is longer than 256 characters", tooLong.getMessage());
    }
}
