package dev.orderchainer.common.aws;

import dev.orderchainer.common.config.Env;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * One Secrets Manager value, read on first use and again after {@code maxAge}; a failed re-read keeps the
 * value it had (a brief outage must not break what worked). The client is built on first use too, so a
 * function that never needs the value never pays for the client at cold start.
 * <p>A module that uses it declares the {@code secretsmanager} dependency (optional here).
 */
public final class CachedSecretValue implements Supplier<String> {
    private static final Logger LOG = LoggerFactory.getLogger(CachedSecretValue.class);
    private final Supplier<SecretsManagerClient> client;
    private final String secretId;
    private final Duration maxAge;
    private final Clock clock;
    private SecretsManagerClient built;
    private String value;
    private Instant readAt;

    public CachedSecretValue(Supplier<SecretsManagerClient> client, String secretId, Duration maxAge, Clock clock) {
        this.client = client;
        this.secretId = secretId;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** Cached APP_SECRET_MAX_AGE_SECONDS (300). */
    public static CachedSecretValue fromEnvironment(Env env, String secretId) {
        return new CachedSecretValue(() -> new AwsClients(env).build(SecretsManagerClient.builder(), "SECRETS_MANAGER"), secretId,
                Duration.ofSeconds(env.integer("APP_SECRET_MAX_AGE_SECONDS", 300, 0, 86_400)), Clock.systemUTC());
    }

    @Override
    public synchronized String get() {
        Instant now = clock.instant();
        if (value != null && now.isBefore(readAt.plus(maxAge))) {
            return value;
        }
        try {
            if (built == null) {
                built = client.get();
            }
            value = built.getSecretValue(r -> r.secretId(secretId)).secretString();
            readAt = now;
        } catch (SdkException failed) {
            if (value == null) {
                throw failed;
            }
            LOG.warn("secret {} could not be read again; keeping the value it had: {}", secretId, failed.toString());
            readAt = now;
        }
        return value;
    }
}
