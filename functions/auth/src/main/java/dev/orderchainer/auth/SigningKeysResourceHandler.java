package dev.orderchainer.auth;

import dev.orderchainer.auth.store.SecretsManagerSigningKeys;
import dev.orderchainer.auth.store.SecretsManagerSigningKeysStore;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.function.CustomResourceHandler;
import dev.orderchainer.security.SigningKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The stack's Custom::SigningKeys resource: makes the ES256 key pairs of a deployment and keeps them in the signing
 * keys secret, and answers their public halves as the attribute PublicJwks, which every function gets as
 * ACCESS_TOKEN_PUBLIC_KEYS. Properties: SecretId (the secret SIGNING_KEYS_SECRET names: the only one it may write),
 * Generation (a whole number), MinRotationMinutes.
 * <ul>
 *   <li>Create: a current and a next key (keys already in the secret are kept, so a repeated Create changes nothing).
 *   <li>Update with a higher Generation: a rotation (the next key signs, the current one stays published as the
 *       previous), refused sooner than MinRotationMinutes after the last; any other update (or a rollback to a lower
 *       Generation) keeps the keys.
 *   <li>Delete: nothing; the secret goes with its own resource.
 * </ul>
 */
public final class SigningKeysResourceHandler extends CustomResourceHandler<AuthComponents> {
    private final Clock clock = Clock.systemUTC();

    public SigningKeysResourceHandler() {
        this(System.getenv());
    }

    public SigningKeysResourceHandler(Map<String, String> environment) {
        super(new AuthComponents(new Env(environment)));
    }

    @Override
    protected Result handle(Request request) {
        String secretId = required(request.properties(), "SecretId");
        if (!secretId.equals(components.env().required(SecretsManagerSigningKeys.SECRET_ENVIRONMENT))) {
            throw new IllegalArgumentException("SecretId " + secretId + " is not the secret this function may write ("
                    + SecretsManagerSigningKeys.SECRET_ENVIRONMENT + ")");
        }
        if (request.type().equals("Delete")) {
            return new Result(request.physicalId(), Map.of());
        }
        SecretsManagerSigningKeysStore store = components.signingKeysStore();
        SigningKeys keys = store.read(secretId).orElse(null);
        if (keys == null) {
            keys = store.write(secretId, SigningKeys.generate(clock.instant()));
        } else if (request.type().equals("Update")
                && generation(request.properties()) > generation(request.oldProperties())) {
            Duration minInterval = Duration.ofMinutes(Long.parseLong(required(request.properties(), "MinRotationMinutes")));
            keys = store.write(secretId, keys.rotate(clock.instant(), minInterval));
        }
        return new Result(secretId, Map.of("PublicJwks", keys.verificationKeys().jwks(), "SigningKid", keys.current().kid()));
    }

    private static long generation(Map<String, String> properties) {
        return Long.parseLong(properties.getOrDefault("Generation", "0"));
    }

    private static String required(Map<String, String> properties, String name) {
        String value = properties.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the resource needs the property " + name);
        }
        return value;
    }
}
