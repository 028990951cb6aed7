package dev.orderchainer.auth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.common.config.ConfigurationException;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.local.LocalAws;
import dev.orderchainer.local.LocalSecretsManager;
import dev.orderchainer.security.SigningKeys;
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
    private static final SigningKeys KEYS = SigningKeys.generate(Instant.parse("2026-11-25T10:00:00Z"));
    private static final String K1 = KEYS.toJson();
    private static final String K2 = KEYS.rotate(Instant.parse("2026-11-25T11:00:00Z")).toJson();
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
            assertEquals(KEYS.current().kid(), keys.keys().current().kid());
        }
        assertEquals(before, secrets.reads(), "read at start, then from the cache");
    }

    @Test
    void aRotationIsPickedUpWhenTheCacheExpires() {
        secrets.put("test/rotating", K1);
        SecretsManagerSigningKeys cached = new SecretsManagerSigningKeys(client(), "test/rotating", Duration.ofMinutes(5));
        SecretsManagerSigningKeys uncached = new SecretsManagerSigningKeys(client(), "test/rotating", Duration.ZERO);
        String first = KEYS.current().kid();
        assertEquals(first, cached.keys().current().kid());
        assertEquals(first, uncached.keys().current().kid());
        secrets.put("test/rotating", K2);
        assertEquals(first, cached.keys().current().kid(), "still cached");
        SigningKeys rotated = uncached.keys();
        assertEquals(SigningKeys.parse(K2, "k2").current().kid(), rotated.current().kid(), "the next key signs after the rotation");
        assertTrue(rotated.verificationKeys().find(first).isPresent(), "the previous key still verifies");
    }

    @Test
    void aMissingOrUnusableSecretStopsTheFunctionAtStart() {
        assertThrows(RuntimeException.class, () -> SecretsManagerSigningKeys.fromEnvironment(env("test/missing")));
        String old = secrets.put("test/hs256", "{\"current_kid\":\"k\",\"current_secret\":\"q5ZkD0mC9wV2nE8xR1tY7uI3oP6aS4dF2gH0jK9lM1c\"}");
        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> SecretsManagerSigningKeys.fromEnvironment(env(old)));
        assertTrue(refused.getMessage().contains("test/hs256") && refused.getMessage().contains("ES256"), refused.getMessage());
        assertTrue(!refused.getMessage().contains("q5ZkD0"), "the secret is not in the message");
        assertThrows(ConfigurationException.class, () -> SecretsManagerSigningKeys.fromEnvironment(new Env(Map.of())), "no secret named");
    }
}
