package dev.orderchainer.discord.domain;

import dev.orderchainer.common.domain.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Discord webhook, kept as its id and token. Only https URLs on Discord's own hosts with the
 * /api[/vN]/webhooks/{id}/{token} path are accepted (no IP literals, other hosts, ports, user
 * info, query or fragment), so a webhook can never point our servers anywhere else.
 */
public record WebhookUrl(String id, String token) {
    private static final Set<String> HOSTS = Set.of("discord.com", "discordapp.com", "ptb.discord.com", "canary.discord.com");
    private static final Pattern PATH = Pattern.compile("^/api(?:/v\\d{1,2})?/webhooks/(\\d{17,20})/([A-Za-z0-9_-]{20,100})/?$");

    public static WebhookUrl parse(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("Field 'webhook_url' is required");
        }
        if (value.length() > 300) {
            throw invalid("it is too long");
        }
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw invalid("it is not a URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw invalid("it must use https");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("it must not contain user information");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!HOSTS.contains(host)) {
            throw invalid("the host must be discord.com, discordapp.com, ptb.discord.com or canary.discord.com");
        }
        if (uri.getPort() != -1 && uri.getPort() != 443) {
            throw invalid("it must not name a port");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid("it must not have a query or fragment");
        }
        Matcher path = PATH.matcher(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (!path.matches()) {
            throw invalid("the path must be /api/webhooks/{id}/{token}");
        }
        return new WebhookUrl(path.group(1), path.group(2));
    }

    private static InvalidInputException invalid(String why) {
        return new InvalidInputException("Field 'webhook_url' is not a Discord webhook URL: " + why);
    }

    /** Shown to the user: the token is never returned, only its last four characters. */
    public String masked() {
        return "https://discord.com/api/webhooks/" + id + "/****" + token.substring(token.length() - 4);
    }

    @Override
    public String toString() {
        return "webhook " + id;
    }
}
