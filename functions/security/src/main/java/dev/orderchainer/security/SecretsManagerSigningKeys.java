package dev.orderchainer.security;

import dev.orderchainer.common.aws.AwsClients;
import dev.orderchainer.common.config.Env;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.lambda.powertools.parameters.cache.CacheManager;
import software.amazon.lambda.powertools.parameters.secrets.SecretsProvider;

/**
 * Signing keys from a Secrets Manager secret (encrypted at rest with KMS), read with Powertools
 * parameters and cached for {@code maxAge}: after a rotation every instance picks up the new keys
 * within that time, or at once when it meets a token signed with a key it does not know yet (at most
 * once a minute, so forged kids cannot turn into a flood of Secrets Manager reads).
 */
public final class SecretsManagerSigningKeys implements SigningKeySource {
    static final Duration REFRESH_INTERVAL = Duration.ofMinutes(1);
    private final CacheManager cache = new CacheManager();
    private final SecretsProvider cached;
    /** Reads past the cache (a provider whose own cache keeps nothing); what it reads goes into {@link #cache}. */
    private final SecretsProvider uncached;
    private final String secretId;
    private final Clock clock;
    private String raw;
    private SigningKeys keys;
    private Instant lastForcedRead = Instant.EPOCH;

    public SecretsManagerSigningKeys(SecretsManagerClient client, String secretId, Duration maxAge, Clock clock) {
        cache.setDefaultExpirationTime(maxAge);
        CacheManager nothingKept = new CacheManager();
        nothingKept.setDefaultExpirationTime(Duration.ZERO);
        this.cached = SecretsProvider.builder().withClient(client).withCacheManager(cache).build();
        this.uncached = SecretsProvider.builder().withClient(client).withCacheManager(nothingKept).build();
        this.secretId = secretId;
        this.clock = clock;
    }

    /**
     * The keys in the secret SIGNING_KEYS_SECRET names, cached SIGNING_KEYS_MAX_AGE_SECONDS (300); read
     * once here, so a function with a missing or weak key fails at start instead of on every request.
     */
    public static SecretsManagerSigningKeys fromEnvironment(Env env) {
        SecretsManagerClient client = new AwsClients(env).build(SecretsManagerClient.builder(), "SECRETS_MANAGER");
        SecretsManagerSigningKeys keys = new SecretsManagerSigningKeys(client, env.required("SIGNING_KEYS_SECRET"),
                Duration.ofSeconds(env.integer("SIGNING_KEYS_MAX_AGE_SECONDS", 300, 0, 3600)), Clock.systemUTC());
        keys.keys();
        return keys;
    }

    @Override
    public synchronized SigningKeys keys() {
        return parsed(cached.get(secretId));
    }

    @Override
    public synchronized SigningKeys refreshedFor(String kid) {
        SigningKeys known = keys();
        Instant now = clock.instant();
        if (known.find(kid).isPresent() || now.isBefore(lastForcedRead.plus(REFRESH_INTERVAL))) {
            return known;
        }
        lastForcedRead = now;
        String fresh = uncached.get(secretId);
        cache.putInCache(secretId, fresh);
        return parsed(fresh);
    }

    private SigningKeys parsed(String value) {
        if (keys == null || !value.equals(raw)) {
            keys = SigningKeys.parse(value, "secret " + secretId);
            raw = value;
        }
        return keys;
    }
}
