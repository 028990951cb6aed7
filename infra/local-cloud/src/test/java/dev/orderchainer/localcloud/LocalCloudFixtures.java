package dev.orderchainer.localcloud;

import dev.orderchainer.security.AccessTokens;
import dev.orderchainer.security.FunctionAuthentication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the system tests need from a running local cloud: tokens, webhook URLs, verification links. */
public final class LocalCloudFixtures {
    /** The token part of every test webhook; Discord's rules for it are all met. */
    public static final String WEBHOOK_TOKEN = "Xy3kP9mQ2vL8nR4tW6zA1bC5dE7fG0hJ2kM4pN6qS8uV0xZ3aB5cD7eF9gH1iJ3kL5m";
    private static final Pattern LINK_TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

    private LocalCloudFixtures() {}

    /** A 10-minute access token for {@code userId}, signed with the cloud's own key. */
    public static String accessToken(LocalCloud cloud, String userId) {
        return new AccessTokens(dev.orderchainer.security.SigningKeys.parse(cloud.services().signingKeysJson(), "local"),
                FunctionAuthentication.ISSUER,
                FunctionAuthentication.AUDIENCE, Duration.ofMinutes(10), Clock.systemUTC()).issue(userId, "session").token();
    }

    public static String webhookUrl(String webhookId) {
        return "https://discord.com/api/webhooks/" + webhookId + "/" + WEBHOOK_TOKEN;
    }

    /** The token of the verification link the local cloud mailed to {@code email} (mail goes to .local/mail). */
    public static String verificationToken(String email) {
        try (Stream<Path> mails = Files.list(Path.of(".local/mail"))) {
            for (Path mail : mails.toList()) {
                String text = Files.readString(mail);
                Matcher token = LINK_TOKEN.matcher(text);
                if (text.contains("To: " + email) && token.find()) {
                    return token.group(1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no verification mail to " + email);
    }
}
