package dev.orderchainer.discord.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderchainer.common.domain.ChangedBy;
import dev.orderchainer.common.domain.InvalidInputException;
import dev.orderchainer.common.domain.NotPermittedException;
import dev.orderchainer.common.json.Json;
import dev.orderchainer.common.text.Text;
import dev.orderchainer.discord.template.MessageTemplate;
import dev.orderchainer.orders.domain.Assignees;
import dev.orderchainer.workspaces.domain.Access;
import dev.orderchainer.workspaces.domain.Action;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A workspace's Discord webhooks: add (after Discord confirms the webhook), list, read, change, remove, test. A webhook
 * is named by its id, or (id null) is the workspace's first one: {@code /api/discord}'s, which adds one only while
 * there is none.
 */
public final class WebhookService {
    private static final String FALLBACK_NAME = "Discord";
    private final WebhookStore store;
    private final VerifiedEmails verifiedEmails;
    private final DiscordWebhooks discord;
    private final Assignees assignees;
    private final Supplier<String> ids;
    private final Clock clock;

    public WebhookService(WebhookStore store, VerifiedEmails verifiedEmails, DiscordWebhooks discord, Assignees assignees,
                          Supplier<String> ids, Clock clock) {
        this.store = store;
        this.verifiedEmails = verifiedEmails;
        this.discord = discord;
        this.assignees = assignees;
        this.ids = ids;
        this.clock = clock;
    }

    public List<WebhookView> list(Access access) {
        access.require(Action.READ);
        return store.list(access.workspaceId()).stream().map(WebhookView::of).toList();
    }

    /** {@code /api/discord}'s create: the workspace's first webhook, refused while it has any. */
    public WebhookView createFirst(Access access, WebhookRequest request) {
        return add(access, request, true);
    }

    /** Adds one of at most {@link Webhook#MAX_PER_WORKSPACE}. */
    public WebhookView create(Access access, WebhookRequest request) {
        return add(access, request, false);
    }

    private WebhookView add(Access access, WebhookRequest request, boolean onlyFirst) {
        WebhookUrl url = WebhookUrl.parse(request.webhookUrl());
        String workspaceId = access.workspaceId();
        Settings settings = Settings.of(request, null);
        access.require(Action.MANAGE_DISCORD);
        if (!verifiedEmails.isVerified(access.userId())) {
            throw new NotPermittedException("Verify your email address before connecting Discord");
        }
        requireMember(workspaceId, settings.assignee());
        return addChecked(access, onlyFirst, settings, url, 3);
    }

    /** Checks the limit against the webhooks as listed now and adds; one that raced another add is tried again, a few times. */
    private WebhookView addChecked(Access access, boolean onlyFirst, Settings settings, WebhookUrl url, int tries) {
        String workspaceId = access.workspaceId();
        List<Webhook> seen = store.list(workspaceId);
        if (onlyFirst && !seen.isEmpty()) {
            throw new IntegrationExistsException();
        }
        if (seen.size() >= Webhook.MAX_PER_WORKSPACE) {
            throw new TooManyWebhooksException();
        }
        String discordName = confirmExists(url);
        Instant now = clock.instant();
        String name = settings.name() != null ? settings.name() : discordName != null ? discordName : FALLBACK_NAME;
        Webhook webhook = new Webhook(workspaceId, ids.get(), seen.isEmpty(), name, url, settings.username(), settings.avatarUrl(),
                settings.threadId(), settings.events(), settings.assignee(), settings.template(), true, null, now, now);
        try {
            store.add(webhook, seen, access.userId());
        } catch (WebhooksChangedException raced) {
            if (tries <= 1) {
                throw raced;
            }
            return addChecked(access, onlyFirst, settings, url, tries - 1);
        }
        return WebhookView.of(webhook);
    }

    /** The webhook {@code webhookId} (null: the first) as its view, after the access check. */
    public WebhookView get(Access access, String webhookId) {
        access.require(Action.READ);
        return WebhookView.of(existing(access.workspaceId(), webhookId));
    }

    /** The webhook {@code webhookId} as read together with the caller's access (empty: there is none), after the access check. */
    public WebhookView view(Access access, String webhookId, Optional<Webhook> read) {
        access.require(Action.READ);
        return WebhookView.of(read.orElseThrow(() -> notFound(webhookId)));
    }

    /** The first webhook as read together with the caller's access (empty: not at its own key, so looked for among all). */
    public WebhookView first(Access access, Optional<Webhook> read) {
        access.require(Action.READ);
        return WebhookView.of(read.or(() -> store.list(access.workspaceId()).stream().findFirst()).orElseThrow(() -> notFound(null)));
    }

    public WebhookView update(Access access, String webhookId, WebhookRequest request) {
        access.require(Action.MANAGE_DISCORD);
        Webhook current = existing(access.workspaceId(), webhookId);
        Settings settings = Settings.of(request, current);
        // Only an assignee given now is checked: one kept from before may have left, and the filter then matches nothing.
        requireMember(current.workspaceId(), request.assignee() == null ? null : settings.assignee());
        WebhookUrl url = request.webhookUrl() == null ? current.url() : WebhookUrl.parse(request.webhookUrl());
        // A new webhook, or the same one given again while disabled, is checked with Discord: if it
        // answers, the webhook works (again) with every setting kept.
        boolean recheck = request.webhookUrl() != null && (!url.equals(current.url()) || !current.enabled());
        if (recheck) {
            confirmExists(url);
        }
        Webhook updated = new Webhook(current.workspaceId(), current.id(), current.first(),
                settings.name() == null ? current.name() : settings.name(), url, settings.username(), settings.avatarUrl(),
                settings.threadId(), settings.events(), settings.assignee(), settings.template(),
                recheck || current.enabled(), recheck ? null : current.disabledReason(), current.createdAt(), clock.instant());
        store.put(updated, access.userId());
        return WebhookView.of(updated);
    }

    public void delete(Access access, String webhookId) {
        access.require(Action.MANAGE_DISCORD);
        if (!store.delete(existing(access.workspaceId(), webhookId), new ChangedBy(access.userId(), clock.instant()))) {
            throw webhookId == null ? new IntegrationNotFoundException("No Discord integration to remove") : notFound(webhookId);
        }
    }

    /** Posts a test embed; Discord's refusal is answered as 502 with its status and message. */
    public void sendTest(Access access, String webhookId) {
        access.require(Action.MANAGE_DISCORD);
        Webhook webhook = existing(access.workspaceId(), webhookId);
        if (!webhook.enabled()) {
            throw new IntegrationDisabledException(webhook.disabledReason());
        }
        ObjectNode embed = Json.mapper().createObjectNode();
        embed.put("title", "OrderChainer is connected");
        embed.put("description", "Order notifications will arrive in this channel.");
        embed.put("color", 0x5865F2);
        embed.put("timestamp", clock.instant().toString());
        embed.putObject("footer").put("text", "OrderChainer test message");
        DiscordWebhooks.Answer answer = discord.execute(webhook.url(), webhook.threadId(), DiscordMessage.of(webhook, List.of(embed), List.of()));
        if (answer.ok()) {
            return;
        }
        if (answer.webhookGone()) {
            store.disable(webhook, "Discord answered " + answer.status() + ": the webhook no longer exists");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("discord_status", answer.status());
        details.put("discord_response", answer.body() == null ? "" : answer.body());
        throw new DiscordFailureException(answer.status() == 0 ? "Discord could not be reached (" + answer.body() + ")"
                : "Discord refused the test message with status " + answer.status(), details);
    }

    /** The webhook {@code webhookId}, or with null the workspace's first; 404 when there is none. */
    public Webhook existing(String workspaceId, String webhookId) {
        Optional<Webhook> found = webhookId == null ? store.first(workspaceId) : store.get(workspaceId, webhookId);
        return found.orElseThrow(() -> notFound(webhookId));
    }

    private static IntegrationNotFoundException notFound(String webhookId) {
        return new IntegrationNotFoundException(webhookId == null ? "No Discord integration; create one with POST /api/discord"
                : "No Discord webhook " + webhookId + " in this workspace");
    }

    private void requireMember(String workspaceId, String assignee) {
        if (assignee != null && !assignees.isMember(workspaceId, assignee)) {
            throw new InvalidInputException("Field 'assignee' must be the user id of a member of this workspace (or \"\" for every order); "
                    + assignee + " is not one", "assignee");
        }
    }

    /** Discord's confirmation that the webhook exists, with the name it has there (null if it gave none). */
    private String confirmExists(WebhookUrl webhook) {
        DiscordWebhooks.Answer answer = discord.fetch(webhook);
        if (answer.ok()) {
            return discordName(answer.body());
        }
        if (answer.webhookGone()) {
            throw new WebhookNotFoundException(answer.status());
        }
        throw new DiscordFailureException(answer.status() == 0 ? "Discord could not be reached to check the webhook"
                : "Discord answered " + answer.status() + " when checking the webhook; try again",
                Map.of("discord_status", answer.status()));
    }

    private static String discordName(String body) {
        try {
            JsonNode name = body == null ? null : Json.mapper().readTree(body).path("name");
            return name != null && name.isTextual() && !name.asText().isBlank()
                    ? DiscordLimits.truncate(name.asText().strip().replaceAll("\\s+", " "), Webhook.NAME_LENGTH) : null;
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /** A request's settings checked, on top of {@code current}'s (null: a new webhook's defaults). */
    private record Settings(String name, String username, String avatarUrl, String threadId, Set<WebhookEvent> events,
                            String assignee, MessageTemplate template) {
        static Settings of(WebhookRequest request, Webhook current) {
            if (request.events() != null && request.notifications() != null) {
                throw new InvalidInputException("Give either 'events' or 'notifications', not both", "events");
            }
            Set<WebhookEvent> base = current == null ? EnumSet.allOf(WebhookEvent.class) : current.events();
            Set<WebhookEvent> events = request.events() != null ? Webhook.events(request.events())
                    : request.notifications() != null ? request.notifications().applyTo(base) : base;
            if (events.isEmpty()) {
                throw new InvalidInputException("A webhook needs at least one event; turn one on or remove the webhook", "notifications");
            }
            return new Settings(
                    request.name() == null ? null : Text.singleLine("name", request.name(), Webhook.NAME_LENGTH),
                    given(request.username(), current, Webhook::username, WebhookService::username),
                    given(request.avatarUrl(), current, Webhook::avatarUrl, WebhookService::avatarUrl),
                    given(request.threadId(), current, Webhook::threadId, id -> id.isEmpty() ? null : Webhook.threadId(id)),
                    events,
                    given(request.assignee(), current, Webhook::assignee, id -> id.isEmpty() ? null : id),
                    given(request.template(), current, Webhook::template, t -> t.empty() ? null
                            : MessageTemplate.parse(t.title(), t.description(), t.footer())));
        }

        /** A field as given (checked), else as it is now (null for a new webhook). */
        private static <T, R> R given(T value, Webhook current, Function<Webhook, R> now, Function<T, R> check) {
            return value != null ? check.apply(value) : current == null ? null : now.apply(current);
        }
    }

    private static String username(String username) {
        String trimmed = Text.singleLine("username", username, DiscordLimits.WEBHOOK_USERNAME);
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.contains("discord") || lower.contains("clyde")) {
            throw new InvalidInputException("Field 'username' must not contain \"discord\" or \"clyde\" (Discord refuses them)");
        }
        return trimmed;
    }

    private static String avatarUrl(String avatarUrl) {
        try {
            URI uri = new URI(avatarUrl.trim());
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || avatarUrl.length() > 2048
                    || uri.getRawUserInfo() != null) {
                throw new URISyntaxException(avatarUrl, "not https");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new InvalidInputException("Field 'avatar_url' must be an https URL");
        }
    }
}
