package dev.orderchainer.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.common.config.ConfigurationException;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.local.LocalAws;
import dev.orderchainer.local.LocalSecretsManager;
import dev.orderchainer.local.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Signing keys read from a Secrets Manager secret over the wire: cached, rotated, checked at start. */
class SecretsManagerSigningKeysTest {
    private static final String K1 = "{\"current_kid\":\"k1\",\"current_secret\":\"q5ZkD0mC9wV2nE8xR1tY7uI3oP6aS4dF2gH0jK9lM1c\"}";
    private static final String K2 = "{\"current_kid\":\"k2\",\"current_secret\":\"Zx9Lm2Qw8Er4Ty6Ui1Op3As5Df7Gh0Jk2Lz4Xc6Vb8Nm\","
            + "\"previous_kid\":\"k1\",\"previous_secret\":\"q5ZkD0mC9wV2nE8xR1tY7uI3oP6aS4dF2gH0jK9lM1c\"}";
    private static LocalSecretsManager secrets;

    @BeforeAll
    static void start() {
        secrets = LocalSecretsManager.start();
    }

    @AfterAll
    static void stop() {
        secrets.close();
    }

    private static Env env(String secretId) {
        return new Env(Map.of("SIGNING_KEYS_SECRET", secretId, "AWS_ENDPOINT_URL_SECRETS_MANAGER", secrets.endpoint().toString(),
                "AWS_REGION", LocalAws.REGION, "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local"));
    }

    private static SecretsManagerClient client() {
        return SecretsManagerClient.builder().endpointOverride(secrets.endpoint())
                .region(Region.of(LocalAws.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @Test
    void keysAreReadOnceAtStartAndServedFromTheCacheUntilItExpires() {
        String arn = secrets.put("test/cached", K1);
        SecretsManagerSigningKeys keys = SecretsManagerSigningKeys.fromEnvironment(env(arn));
        int before = secrets.reads();
        for (int i = 0; i < 20; i++) {
            assertEquals("k1", keys.keys().current().kid());
        }
        assertEquals(before, secrets.reads(), "read at start, then from the cache");
    }

    @Test
    void aRotationIsPickedUpWhenATokenNamesTheNewKidAtMostOnceAMinute() {
        secrets.put("test/rotating", K1);
        MovableClock clock = new MovableClock(Instant.parse("2026-11-25T10:00:00Z"));
        SecretsManagerSigningKeys keys = new SecretsManagerSigningKeys(client(), "test/rotating", Duration.ofMinutes(5), clock);
        assertEquals("k1", keys.keys().current().kid());
        secrets.put("test/rotating", K2);
        assertEquals("k1", keys.keys().current().kid(), "still cached");
        int before = secrets.reads();
        assertEquals("k2", keys.refreshedFor("k2").current().kid());
        assertEquals(before + 1, secrets.reads());
        assertEquals("k2", keys.keys().current().kid(), "the fresh value replaced the cached one");
        assertTrue(keys.keys().find("k1").isPresent(), "the previous key still verifies");
        assertEquals(before + 1, secrets.reads());
        for (int i = 0; i < 50; i++) {
            keys.refreshedFor("forged-" + i);
        }
        assertEquals(before + 1, secrets.reads(), "forged kids do not reach Secrets Manager within the minute");
        clock.advance(SecretsManagerSigningKeys.REFRESH_INTERVAL.plusSeconds(1));
        keys.refreshedFor("forged-again");
        assertEquals(before + 2, secrets.reads(), "once the minute has passed");
    }

    @Test
    void aMissingOrWeakSecretStopsTheFunctionAtStart() {
        assertThrows(RuntimeException.class, () -> SecretsManagerSigningKeys.fromEnvironment(env("test/missing")));
        String weak = secrets.put("test/weak", "{\"current_kid\":\"k\",\"current_secret\":\"changeme-changeme-changeme-changeme-1234\"}");
        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> SecretsManagerSigningKeys.fromEnvironment(env(weak)));
        assertTrue(refused.getMessage().contains("test/weak") && refused.getMessage().contains("placeholder"), refused.getMessage());
        assertThrows(ConfigurationException.class, () -> SecretsManagerSigningKeys.fromEnvironment(new Env(Map.of())), "no secret named");
    }
}
