package dev.orderchainer.discord.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderchainer.common.domain.ChangedBy;
import dev.orderchainer.common.domain.InvalidInputException;
import dev.orderchainer.common.domain.NotPermittedException;
import dev.orderchainer.common.json.Json;
import dev.orderchainer.common.text.Text;
import dev.orderchainer.workspaces.domain.Access;
import dev.orderchainer.workspaces.domain.Action;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A user's Discord integration: create (after Discord confirms the webhook), read, change, remove, test. */
public final class IntegrationService {
    private final IntegrationStore store;
    private final VerifiedEmails verifiedEmails;
    private final DiscordWebhooks discord;
    private final Clock clock;

    public IntegrationService(IntegrationStore store, VerifiedEmails verifiedEmails, DiscordWebhooks discord, Clock clock) {
        this.store = store;
        this.verifiedEmails = verifiedEmails;
        this.discord = discord;
        this.clock = clock;
    }

    public IntegrationView create(String userId, IntegrationRequests.Create request) {
        return create(Access.personal(userId), request);
    }

    /**
     * The workspace's integration, set up by a member who may manage Discord and has verified its email address.
     * (A {@code String} in place of an access: the personal workspace of that user.)
     */
    public IntegrationView create(Access access, IntegrationRequests.Create request) {
        WebhookUrl webhook = WebhookUrl.parse(request.webhookUrl());
        String username = username(request.username());
        String avatarUrl = avatarUrl(request.avatarUrl());
        access.require(Action.MANAGE_DISCORD);
        String userId = access.workspaceId();
        if (!verifiedEmails.isVerified(access.userId())) {
            throw new NotPermittedException("Verify your email address before connecting Discord");
        }
        if (store.get(userId).isPresent()) {
            throw new IntegrationExistsException();
        }
        confirmExists(webhook);
        Instant now = clock.instant();
        Integration integration = new Integration(userId, webhook, username, avatarUrl,
                Notifications.ALL.with(request.notifications()), true, null, now, now);
        store.put(integration, access.userId());
        return IntegrationView.of(integration);
    }

    public IntegrationView get(String userId) {
        return view(store.get(userId));
    }

    /** An integration already read (with the access check, in one round trip) as its view (token masked), or not found. */
    public IntegrationView view(Access access, Optional<Integration> integration) {
        access.require(Action.READ);
        return view(integration);
    }

    private IntegrationView view(Optional<Integration> integration) {
        return IntegrationView.of(integration.orElseThrow(IntegrationService::notFound));
    }

    public IntegrationView update(String userId, IntegrationRequests.Update request) {
        return update(Access.personal(userId), request);
    }

    public IntegrationView update(Access access, IntegrationRequests.Update request) {
        access.require(Action.MANAGE_DISCORD);
        String userId = access.workspaceId();
        Integration current = existing(userId);
        WebhookUrl webhook = request.webhookUrl() == null ? current.webhook() : WebhookUrl.parse(request.webhookUrl());
        String username = request.username() == null ? current.username() : username(request.username());
        String avatarUrl = request.avatarUrl() == null ? current.avatarUrl() : avatarUrl(request.avatarUrl());
        // A new webhook, or the same one given again while disabled, is checked with Discord: if it
        // answers, the integration works (again) with every setting kept.
        boolean recheck = request.webhookUrl() != null && (!webhook.equals(current.webhook()) || !current.enabled());
        if (recheck) {
            confirmExists(webhook);
        }
        Integration updated = new Integration(userId, webhook, username, avatarUrl,
                current.notifications().with(request.notifications()),
                recheck || current.enabled(), recheck ? null : current.disabledReason(),
                current.createdAt(), clock.instant());
        store.put(updated, access.userId());
        return IntegrationView.of(updated);
    }

    public void delete(String userId) {
        delete(Access.personal(userId));
    }

    public void delete(Access access) {
        access.require(Action.MANAGE_DISCORD);
        if (!store.delete(access.workspaceId(), new ChangedBy(access.userId(), clock.instant()))) {
            throw new IntegrationNotFoundException("No Discord integration to remove");
        }
    }

    /** Posts a test embed; Discord's refusal is answered as 502 with its status and message. */
    public void sendTest(String userId) {
        sendTest(Access.personal(userId));
    }

    public void sendTest(Access access) {
        access.require(Action.MANAGE_DISCORD);
        Integration integration = existing(access.workspaceId());
        if (!integration.enabled()) {
            throw new IntegrationDisabledException(integration.disabledReason());
        }
        ObjectNode embed = Json.mapper().createObjectNode();
        embed.put("title", "OrderChainer is connected");
        embed.put("description", "Order notifications will arrive in this channel.");
        embed.put("color", 0x5865F2);
        embed.put("timestamp", clock.instant().toString());
        embed.putObject("footer").put("text", "OrderChainer test message");
        DiscordWebhooks.Answer answer = discord.execute(integration.webhook(), DiscordMessage.of(integration, List.of(embed), List.of()));
        if (answer.ok()) {
            return;
        }
        if (answer.webhookGone()) {
            store.disable(access.workspaceId(), "Discord answered " + answer.status() + ": the webhook no longer exists");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("discord_status", answer.status());
        details.put("discord_response", answer.body() == null ? "" : answer.body());
        throw new DiscordFailureException(answer.status() == 0 ? "Discord could not be reached (" + answer.body() + ")"
                : "Discord refused the test message with status " + answer.status(), details);
    }

    private Integration existing(String userId) {
        return store.get(userId).orElseThrow(IntegrationService::notFound);
    }

    private static IntegrationNotFoundException notFound() {
        return new IntegrationNotFoundException("No Discord integration; create one with POST /api/discord");
    }

    private void confirmExists(WebhookUrl webhook) {
        DiscordWebhooks.Answer answer = discord.fetch(webhook);
        if (answer.ok()) {
            return;
        }
        if (answer.webhookGone()) {
            throw new WebhookNotFoundException(answer.status());
        }
        throw new DiscordFailureException(answer.status() == 0 ? "Discord could not be reached to check the webhook"
                : "Discord answered " + answer.status() + " when checking the webhook; try again",
                Map.of("discord_status", answer.status()));
    }

    private static String username(String username) {
        if (username == null) {
            return null;
        }
        String trimmed = Text.singleLine("username", username, DiscordLimits.WEBHOOK_USERNAME);
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.contains("discord") || lower.contains("clyde")) {
            throw new InvalidInputException("Field 'username' must not contain \"discord\" or \"clyde\" (Discord refuses them)");
        }
        return trimmed;
    }

    private static String avatarUrl(String avatarUrl) {
        if (avatarUrl == null) {
            return null;
        }
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
