package dev.orderchainer.discord.template;

/**
 * A template's three texts for one event, escaped and cut to Discord's limits; an empty one is left out of the
 * embed. Never all three empty: Discord refuses an embed with no text.
 */
public record RenderedTemplate(String title, String description, String footer) {
}
