package dev.orderchainer.auth.store;

import dev.orderchainer.common.config.ConfigurationException;
import dev.orderchainer.security.SigningKeys;
import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** The signing keys secret as the stack's SigningKeys resource reads and writes it (each write a new AWSCURRENT version). */
public final class SecretsManagerSigningKeysStore {
    private final SecretsManagerClient secrets;

    public SecretsManagerSigningKeysStore(SecretsManagerClient secrets) {
        this.secrets = secrets;
    }

    /** The keys in the secret; empty when it holds none yet (its first, generated placeholder value, or nothing). */
    public Optional<SigningKeys> read(String secretId) {
        String value;
        try {
            value = secrets.getSecretValue(r -> r.secretId(secretId)).secretString();
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(SigningKeys.parse(value, "secret " + secretId));
        } catch (ConfigurationException notKeysYet) {
            return Optional.empty();
        }
    }

    public SigningKeys write(String secretId, SigningKeys keys) {
        secrets.putSecretValue(r -> r.secretId(secretId).secretString(keys.toJson()));
        return keys;
    }
}
