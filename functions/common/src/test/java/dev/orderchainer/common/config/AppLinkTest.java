package dev.orderchainer.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orderchainer.common.aws.AwsClients;
import dev.orderchainer.common.aws.CachedSecretValue;
import dev.orderchainer.local.LocalAws;
import dev.orderchainer.local.LocalSecretsManager;
import dev.orderchainer.local.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Links into the web app: {app_url} read from Secrets Manager over the wire, only when a link is made, then cached. */
class AppLinkTest {
    private LocalSecretsManager secrets;

    @BeforeEach
    void start() {
        secrets = LocalSecretsManager.start();
    }

    @AfterEach
    void stop() {
        secrets.close();
    }

    private Env env(String secretName) {
        return new Env(Map.of("APP_URL_SECRET", secretName, "AWS_ENDPOINT_URL_SECRETS_MANAGER", secrets.endpoint().toString(),
                "AWS_REGION", LocalAws.REGION, "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local"));
    }

    @Test
    void theAppUrlIsReadWhenTheFirstLinkIsMadeAndOnceForMany() {
        secrets.put("orderchainer/stack/app-url", "https://d111111abcdef8.cloudfront.net");
        AppLink link = AppLink.of("{app_url}/orders/{id}", env("orderchainer/stack/app-url"));
        assertEquals(0, secrets.reads(), "nothing is read at start");
        assertEquals("https://d111111abcdef8.cloudfront.net/orders/{id}", link.resolved());
        assertEquals("https://d111111abcdef8.cloudfront.net/orders/{id}", link.resolved());
        assertEquals(1, secrets.reads());
    }

    @Test
    void aTrailingSlashOfTheAppUrlIsDropped() {
        secrets.put("app", "https://orders.example.com/\n");
        assertEquals("https://orders.example.com/verify-email?token=", AppLink.of("{app_url}/verify-email?token=", env("app")).resolved());
    }

    @Test
    void aLinkWithoutTheAppUrlNeedsNoSecret() {
        AppLink link = AppLink.of("http://127.0.0.1:3000/orders/{id}", new Env(Map.of()));
        assertEquals("http://127.0.0.1:3000/orders/{id}", link.resolved());
        assertEquals("", AppLink.of(null, new Env(Map.of())).resolved());
        assertEquals(0, secrets.reads());
    }

    @Test
    void aLinkNamingTheAppUrlWithoutItsSecretIsAConfigurationError() {
        assertThrows(ConfigurationException.class, () -> AppLink.of("{app_url}/orders/{id}", new Env(Map.of())));
        assertThrows(ConfigurationException.class, () -> AppLink.fixed("{app_url}/x").resolved());
    }

    @Test
    void theValueIsReadAgainAfterItsMaxAgeAndKeptThroughAnOutage() {
        secrets.put("app", "https://one.example.com");
        MovableClock clock = new MovableClock(Instant.parse("2026-12-03T10:00:00Z"));
        Env env = env("app");
        CachedSecretValue value = new CachedSecretValue(() -> new AwsClients(env).build(SecretsManagerClient.builder(), "SECRETS_MANAGER"),
                "app", Duration.ofMinutes(5), clock);
        assertEquals("https://one.example.com", value.get());
        secrets.put("app", "https://two.example.com");
        clock.advance(Duration.ofMinutes(4));
        assertEquals("https://one.example.com", value.get(), "still fresh");
        clock.advance(Duration.ofMinutes(2));
        assertEquals("https://two.example.com", value.get());
        secrets.close();
        clock.advance(Duration.ofMinutes(6));
        assertEquals("https://two.example.com", value.get(), "an outage keeps what was read");
    }

    @Test
    void withNothingReadYetAnOutageFails() {
        Env env = env("app");
        secrets.close();
        CachedSecretValue value = new CachedSecretValue(() -> new AwsClients(env).build(SecretsManagerClient.builder(), "SECRETS_MANAGER"),
                "app", Duration.ofMinutes(5), new MovableClock(Instant.parse("2026-12-03T10:00:00Z")));
        assertThrows(SdkException.class, value::get);
    }
}
