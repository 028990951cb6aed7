package dev.orderchainer.discord.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MessageTemplateTest {
    private static final TemplateValues SHIPPED = new TemplateValues().with(Placeholder.ORDER_TITLE, "Ship **v2**")
            .with(Placeholder.ORDER_STATUS, "completed").with(Placeholder.ORDER_OLD_STATUS, "active").with(Placeholder.ACTOR, "ada")
            .with(Placeholder.ORDER_URL, "https://app.example/orders/o_1").with(Placeholder.WORKSPACE, "Ops")
            .with(Placeholder.EVENT, "status_changed");

    @Test
    void theTitleAndDescriptionRenderWithValuesEscapedAndTheAuthorsMarkdownKeptTheFooterAsPlainTextAsDiscordShowsIt() {
        MessageTemplate template = MessageTemplate.parse("✅ {order.title}",
                "**{actor}** moved it {order.old_status} → {order.status}\n[Open]({order.url})", "{workspace} · {event} · {order.title}");
        assertEquals(new RenderedTemplate("✅ Ship \\*\\*v2\\*\\*", "**ada** moved it active → completed\n[Open](https://app.example/orders/o_1)",
                "Ops · status_changed · Ship **v2**"), template.render(SHIPPED));
    }

    @Test
    void aLinkValueIsPercentEncodedNotEscaped() {
        TemplateValues odd = new TemplateValues().with(Placeholder.ORDER_URL, "https://x/(a)_b").with(Placeholder.ORDER_TITLE, "https://x/(a)_b");
        assertEquals("[open](https://x/%28a%29_b) https://x/\\(a\\)\\_b", MessageTemplate.parse(null, "[open]({order.url}) {order.title}", null)
                .render(odd).description());
    }

    @Test
    void absentPartsStayAbsentAndTheSourcesAreKept() {
        MessageTemplate template = MessageTemplate.parse(null, "{order.title}", "");
        assertNull(template.titleSource());
        assertEquals("{order.title}", template.descriptionSource());
        assertNull(template.footerSource());
        assertEquals(new RenderedTemplate("", "Ship \\*\\*v2\\*\\*", ""), template.render(SHIPPED));
        assertEquals("t", MessageTemplate.parse("t", null, "f").titleSource());
        assertEquals("f", MessageTemplate.parse("t", null, "f").footerSource());
    }

    @Test
    void aTemplateWithNoPartIsRefused() {
        InvalidTemplateException refusal = assertThrows(InvalidTemplateException.class, () -> MessageTemplate.parse(null, "", null));
        assertEquals("template", refusal.field());
    }

    @Test
    void eachPartIsParsedWithItsOwnFieldNameAndLimit() {
        assertEquals("template.title", assertThrows(InvalidTemplateException.class, () -> MessageTemplate.parse("{x}", null, null)).field());
        assertEquals("template.description", assertThrows(InvalidTemplateException.class, () -> MessageTemplate.parse(null, "{x}", null)).field());
        assertEquals("template.footer", assertThrows(InvalidTemplateException.class, () -> MessageTemplate.parse(null, null, "{x}")).field());
        assertThrows(InvalidTemplateException.class, () -> MessageTemplate.parse("a".repeat(257), null, null));
        assertThrows(InvalidTemplateException.class, () -> MessageTemplate.parse(null, "a".repeat(4097), null));
        assertThrows(InvalidTemplateException.class, () -> MessageTemplate.parse(null, null, "a".repeat(2049)));
        MessageTemplate.parse("a".repeat(256), "a\n".repeat(2048), "b\n".repeat(1024));
    }

    @Test
    void longValuesAreCutToEachLimitAndAllTogetherToTheMessagesSixThousand() {
        TemplateValues huge = new TemplateValues().with(Placeholder.ORDER_TITLE, "t".repeat(5000))
                .with(Placeholder.ORDER_DESCRIPTION, "d".repeat(9000)).with(Placeholder.ACTOR, "a".repeat(5000));
        RenderedTemplate out = MessageTemplate.parse("{order.title}", "{order.description}", "{actor}").render(huge);
        assertEquals("t".repeat(255) + "…", out.title());
        assertEquals("a".repeat(2047) + "…", out.footer());
        assertEquals(6000 - 256 - 2048, out.description().length());
        assertTrue(out.description().endsWith("d…"));
        RenderedTemplate shortFooter = MessageTemplate.parse("{order.title}", "{order.description}", "f").render(huge);
        assertEquals(4096, shortFooter.description().length());
    }

    @Test
    void theMessageLimitCountsUtf16UnitsAndNeverSplitsACharacter() {
        TemplateValues foxes = new TemplateValues().with(Placeholder.ORDER_TITLE, "🦊".repeat(300))
                .with(Placeholder.ORDER_DESCRIPTION, "🦊".repeat(5000)).with(Placeholder.ACTOR, "🦊".repeat(3000));
        RenderedTemplate out = MessageTemplate.parse("{order.title}", "{order.description}", "{actor}").render(foxes);
        assertEquals(256, out.title().codePointCount(0, out.title().length()));
        assertEquals(2048, out.footer().codePointCount(0, out.footer().length()));
        int total = out.title().length() + out.description().length() + out.footer().length();
        assertTrue(total <= 6000, "total " + total);
        assertTrue(total >= 5999, "the budget is used: " + total);
        assertTrue(out.description().endsWith("🦊…"), out.description().substring(out.description().length() - 3));
    }

    @Test
    void aTitleIsOneLineAndPartsAreTrimmed() {
        TemplateValues twoLines = new TemplateValues().with(Placeholder.ORDER_DESCRIPTION, "first\r\n\nsecond");
        assertEquals("Re: first second", MessageTemplate.parse("Re: {order.description}  ", null, null).render(twoLines).title());
        assertEquals("first\r\n\nsecond", MessageTemplate.parse("x", "  {order.description}\n", null).render(twoLines).description());
    }

    @Test
    void whenEveryPartComesOutEmptyTheTitleIsTheOrdersOrOurName() {
        MessageTemplate onlyPlaceholders = MessageTemplate.parse("{order.assignee}", "{order.description}", "{changed}");
        assertEquals(new RenderedTemplate("Ship \\*\\*v2\\*\\*", "", ""), onlyPlaceholders.render(SHIPPED));
        assertEquals(new RenderedTemplate("OrderChainer", "", ""), onlyPlaceholders.render(new TemplateValues()));
        assertEquals("🦊".repeat(255) + "…", onlyPlaceholders.render(new TemplateValues().with(Placeholder.ORDER_TITLE, "🦊".repeat(400))).title());
    }

    @Test
    void massMentionsNeverFormEvenAcrossTheAuthorsTextAndAValue() {
        RenderedTemplate out = MessageTemplate.parse("@{order.title}", "@everyone {actor}", null)
                .render(new TemplateValues().with(Placeholder.ORDER_TITLE, "everyone").with(Placeholder.ACTOR, "@here"));
        assertEquals("@\u200Beveryone", out.title());
        assertEquals("@\u200Beveryone \\@\u200Bhere", out.description());
    }

    @Test
    void fitCutsOnACharacterBoundary() {
        assertEquals("ab", MessageTemplate.fit("ab", 5, 5));
        assertEquals("a…", MessageTemplate.fit("abc", 2, 5));
        assertEquals("ab…", MessageTemplate.fit("abcd", 5, 3));
        assertEquals("…", MessageTemplate.fit("🦊🦊", 5, 2));
        assertEquals("🦊…", MessageTemplate.fit("🦊🦊🦊", 5, 4));
        assertEquals("a…", MessageTemplate.fit("a🦊b", 5, 3));
        assertEquals("abc", MessageTemplate.fit("abc", 5, 3));
        assertEquals("…", MessageTemplate.fit("ab", 5, 1));
    }
}
