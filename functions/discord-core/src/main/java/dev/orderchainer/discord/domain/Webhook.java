package dev.orderchainer.discord.domain;

import dev.orderchainer.common.domain.InvalidInputException;
import dev.orderchainer.discord.template.MessageTemplate;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One of a workspace's Discord webhooks: where it posts (a channel's webhook, optionally one thread), as whom, which
 * changes (its event filter, optionally only one member's orders) and in which words (its template; none: the standard
 * embeds). Each has its own pace, rate-limit bucket, digest and disabling, so one never holds up another.
 *
 * @param first whether it is the workspace's first (the one added while it had none), which {@code /api/discord} addresses
 * @param assignee a member's user id: only changes to orders assigned to them; null: every order
 * @param template null: the standard embeds
 */
public record Webhook(String workspaceId, String id, boolean first, String name, WebhookUrl url, String username, String avatarUrl, String threadId,
                      Set<WebhookEvent> events, String assignee, MessageTemplate template, boolean enabled, String disabledReason,
                      Instant createdAt, Instant updatedAt) {
    /** At most this many webhooks per workspace. */
    public static final int MAX_PER_WORKSPACE = 10;
    /** A webhook's name in the web app, in characters. */
    public static final int NAME_LENGTH = 80;
    private static final Pattern SNOWFLAKE = Pattern.compile("[1-9][0-9]{16,19}");

    public Webhook {
        events = Set.copyOf(events);
    }

    /** This webhook switched off because Discord said it is gone, with why. */
    public Webhook disabled(String reason) {
        return new Webhook(workspaceId, id, first, name, url, username, avatarUrl, threadId, events, assignee, template, false, reason,
                createdAt, updatedAt);
    }

    /** This webhook with another template (null: the standard embeds), as a preview of an edit shows it. */
    public Webhook withTemplate(MessageTemplate other) {
        return new Webhook(workspaceId, id, first, name, url, username, avatarUrl, threadId, events, assignee, other, enabled, disabledReason,
                createdAt, updatedAt);
    }

    /** Whether a change of {@code kind} to an order assigned to {@code orderAssignee} (null: nobody) is posted here. */
    public boolean wants(WebhookEvent kind, String orderAssignee) {
        return enabled && events.contains(kind) && (assignee == null || assignee.equals(orderAssignee));
    }

    /** The filter as a request gives it: at least one event, each one of {@link WebhookEvent}'s names; repeats are one. */
    public static Set<WebhookEvent> events(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new InvalidInputException("Field 'events' must name at least one event (" + known() + ")", "events");
        }
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        for (String name : names) {
            events.add(WebhookEvent.of(name).orElseThrow(() -> new InvalidInputException(
                    "Field 'events' has an unknown event '" + name + "'; the events are " + known(), "events")));
        }
        return events;
    }

    /** A thread of the webhook's channel to post in: a Discord id (a snowflake), or null for the channel itself. */
    public static String threadId(String value) {
        if (value != null && !SNOWFLAKE.matcher(value).matches()) {
            throw new InvalidInputException("Field 'thread_id' must be a Discord thread id (17 to 20 digits)", "thread_id");
        }
        return value;
    }

    private static String known() {
        return Arrays.stream(WebhookEvent.values()).map(WebhookEvent::wire).collect(Collectors.joining(", "));
    }
}
