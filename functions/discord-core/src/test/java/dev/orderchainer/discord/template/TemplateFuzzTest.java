package dev.orderchainer.discord.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.orderchainer.discord.domain.DiscordLimits;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 10,000 random templates ("placeholder soups": known and unknown names, stray and doubled braces, markdown, emoji,
 * line breaks) over random values (markdown, mentions, links, lone surrogates, up to 9,000 characters). A template
 * is either refused with InvalidTemplateException or renders; a rendered one is never over a Discord limit, never
 * holds a lone surrogate, never a mass mention, and a value never forms a mention, timestamp or channel reference.
 * The seed is printed with each failure, so a failing case can be replayed.
 */
class TemplateFuzzTest {
    private static final int CASES = 10_000;
    /** The author's own text: markdown but no "<" (so any "<" that reaches the output came from a value). */
    private static final String[] AUTHOR_BITS = {"**", "_", "~~", "`", "||", "> ", "# ", "- ", "1. ", "[", "](", ")", "\n", " ", "·", "🦊",
        "done", "@", "everyone", "{{", "}}", "{", "}", "{nope}", "{order.}", "{ order.title}", "é", "\u200B"};
    private static final String[] VALUE_BITS = {"<@123>", "<@&4>", "<#5>", "<t:1700000000:R>", "@everyone", "@here", "**", "__", "`", "```",
        "\\", "[x](https://evil.example)", "https://example.com/a_b", "||", "\n", "\r\n", "- ", "1. ", "# ", "> ", "🦊", "\uD800", "\uDC00",
        "😀", "{order.title}", "}", "{", "plain", " ", "ß", "\u0000", "\uFFFF"};

    @Test
    void randomTemplatesAndValuesNeverThrowOtherwiseAndNeverBreakALimit() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        int rendered = 0;
        for (int i = 0; i < CASES; i++) {
            String title = soup(random, AUTHOR_BITS, random.nextInt(12), true);
            String description = random.nextInt(5) == 0 ? null : soup(random, AUTHOR_BITS, random.nextInt(40), false);
            String footer = random.nextInt(3) == 0 ? null : soup(random, AUTHOR_BITS, random.nextInt(12), false);
            MessageTemplate template;
            try {
                template = MessageTemplate.parse(title, description, footer);
            } catch (InvalidTemplateException refused) {
                assertTrue(refused.getMessage().startsWith("Field 'template"), "seed " + seed + ": " + refused.getMessage());
                continue;
            } catch (RuntimeException other) {
                fail("seed " + seed + ", case " + i + ": " + other + " for " + title + " / " + description + " / " + footer);
                return;
            }
            TemplateValues values = new TemplateValues();
            for (Placeholder placeholder : Placeholder.values()) {
                if (random.nextInt(4) != 0) {
                    values.with(placeholder, random.nextInt(20) == 0 ? "x".repeat(random.nextInt(9000))
                            : soup(random, VALUE_BITS, random.nextInt(30), false));
                }
            }
            RenderedTemplate out = template.render(values);
            String where = "seed " + seed + ", case " + i;
            assertWithin(out.title(), DiscordLimits.EMBED_TITLE, true, where);
            assertWithin(out.description(), DiscordLimits.EMBED_DESCRIPTION, true, where);
            // Discord shows a footer as plain text: "<@1>" there is text, never a mention, so values stay as written.
            assertWithin(out.footer(), DiscordLimits.FOOTER_TEXT, false, where);
            assertTrue(out.title().length() + out.description().length() + out.footer().length() <= DiscordLimits.MESSAGE_CHARACTERS, where);
            assertFalse(out.title().isEmpty() && out.description().isEmpty() && out.footer().isEmpty(), where + ": an empty embed");
            assertFalse(out.title().contains("\n"), where + ": a line break in the title");
            rendered++;
        }
        assertTrue(rendered > CASES / 10, "most soups are refused, but enough render to mean something: " + rendered);
    }

    @Test
    void fixedSeedsRenderTheSameEveryTime() {
        MessageTemplate template = MessageTemplate.parse("{order.title}", "{order.description}", null);
        TemplateValues values = new TemplateValues().with(Placeholder.ORDER_TITLE, soup(new Random(7), VALUE_BITS, 30, false))
                .with(Placeholder.ORDER_DESCRIPTION, soup(new Random(8), VALUE_BITS, 30, false));
        assertEquals(template.render(values), template.render(values));
    }

    private static void assertWithin(String text, int limit, boolean markdown, String where) {
        assertTrue(text.codePointCount(0, text.length()) <= limit, where + ": over " + limit);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else {
                assertFalse(Character.isSurrogate(c), where + ": a lone surrogate at " + i);
            }
        }
        assertFalse(text.contains("@everyone") || text.contains("@here"), where + ": a mass mention in " + text);
        for (int i = markdown ? text.indexOf('<') : -1; i >= 0; i = text.indexOf('<', i + 1)) {
            assertTrue(i > 0 && text.charAt(i - 1) == '\\', where + ": an unescaped < from a value at " + i + " in " + text);
        }
    }

    private static String soup(Random random, String[] bits, int count, boolean placeholdersOften) {
        StringBuilder soup = new StringBuilder();
        Placeholder[] placeholders = Placeholder.values();
        for (int i = 0; i < count; i++) {
            if (random.nextInt(placeholdersOften ? 2 : 3) == 0) {
                soup.append('{').append(placeholders[random.nextInt(placeholders.length)].wire()).append('}');
            } else {
                soup.append(bits[random.nextInt(bits.length)]);
            }
        }
        return soup.toString();
    }
}
