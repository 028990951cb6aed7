package dev.orderchainer.discord.domain;

import java.time.Instant;

/** A user's Discord integration: one webhook, how to post, which events, and whether it still works. */
public record Integration(
        String userId,
        WebhookUrl webhook,
        String username,
        String avatarUrl,
        Notifications notifications,
        boolean enabled,
        String disabledReason,
        Instant createdAt,
        Instant updatedAt) {}
