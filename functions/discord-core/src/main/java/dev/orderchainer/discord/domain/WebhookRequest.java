package dev.orderchainer.discord.domain;

import java.util.List;

/**
 * What clients may send to create or change a webhook. On a change, absent (or null) fields stay as they are;
 * {@code thread_id} and {@code assignee} given as "" are cleared, and a {@code template} whose parts are all empty
 * removes the template (the standard embeds again). {@code notifications} is the first webhook's filter as
 * {@code /api/discord} has always taken it; a request gives it or {@code events}, not both.
 */
public record WebhookRequest(String name, String webhookUrl, String username, String avatarUrl, String threadId, List<String> events,
                             String assignee, Template template, Notifications notifications) {
    /** A template's parts as sent: each a text with placeholders, or absent. */
    public record Template(String title, String description, String footer) {
        boolean empty() {
            return isEmpty(title) && isEmpty(description) && isEmpty(footer);
        }

        private static boolean isEmpty(String part) {
            return part == null || part.isEmpty();
        }
    }

    /** A request of {@code /api/discord}'s fields only. */
    public static WebhookRequest of(String webhookUrl, String username, String avatarUrl, Notifications notifications) {
        return new WebhookRequest(null, webhookUrl, username, avatarUrl, null, null, null, null, notifications);
    }
}
