package dev.orderchainer.auth.store;

import dev.orderchainer.common.aws.AwsClients;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.security.SigningKeySource;
import dev.orderchainer.security.SigningKeys;
import java.time.Duration;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.lambda.powertools.parameters.cache.CacheManager;
import software.amazon.lambda.powertools.parameters.secrets.SecretsProvider;

/**
 * The signing keys from a Secrets Manager secret (encrypted at rest with KMS), read with Powertools parameters and
 * cached for {@code maxAge}: after a rotation every token-issuing instance signs with the new current key within
 * that time. Only the token and refresh functions build one; every other function checks tokens with the public
 * keys of its configuration ({@code VerificationKeys}) and never reads this secret.
 */
public final class SecretsManagerSigningKeys implements SigningKeySource {
    public static final String SECRET_ENVIRONMENT = "SIGNING_KEYS_SECRET";
    private final SecretsProvider secrets;
    private final String secretId;
    private String raw;
    private SigningKeys keys;

    public SecretsManagerSigningKeys(SecretsManagerClient client, String secretId, Duration maxAge) {
        CacheManager cache = new CacheManager();
        cache.setDefaultExpirationTime(maxAge);
        this.secrets = SecretsProvider.builder().withClient(client).withCacheManager(cache).build();
        this.secretId = secretId;
    }

    /**
     * The keys in the secret SIGNING_KEYS_SECRET names, cached SIGNING_KEYS_MAX_AGE_SECONDS (300); read once here,
     * so a function with a missing or broken key fails at start instead of on every request.
     */
    public static SecretsManagerSigningKeys fromEnvironment(Env env) {
        SecretsManagerClient client = new AwsClients(env).build(SecretsManagerClient.builder(), "SECRETS_MANAGER");
        SecretsManagerSigningKeys keys = new SecretsManagerSigningKeys(client, env.required(SECRET_ENVIRONMENT),
                Duration.ofSeconds(env.integer("SIGNING_KEYS_MAX_AGE_SECONDS", 300, 0, 3600)));
        keys.keys();
        return keys;
    }

    @Override
    public synchronized SigningKeys keys() {
        String value = secrets.get(secretId);
        if (keys == null || !value.equals(raw)) {
            keys = SigningKeys.parse(value, "secret " + secretId);
            raw = value;
        }
        return keys;
    }
}
