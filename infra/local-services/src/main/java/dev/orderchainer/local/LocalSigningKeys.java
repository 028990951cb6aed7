package dev.orderchainer.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * What the stack's Custom::SigningKeys resource does on Create, done by the local cloud as it stands in for
 * CloudFormation (as it does for GenerateSecretString): a current and a next ES256 key pair into the secret, in the
 * format of the security module's SigningKeys, and their public halves as the attribute PublicJwks. The local
 * cloud's tests hold this to the real resource handler (the same secret format parses, the same set is published).
 */
final class LocalSigningKeys {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalSigningKeys() {}

    /** The secret's value and the resource's PublicJwks. */
    record Made(String secret, String publicJwks) {}

    static Made make(Instant now) {
        ObjectNode current = keyPair();
        ObjectNode next = keyPair();
        ObjectNode secret = JSON.createObjectNode().put("rotated_at", now.toString());
        secret.set("current", current);
        secret.set("next", next);
        ObjectNode jwks = JSON.createObjectNode();
        jwks.putArray("keys").add(publicHalf(current)).add(publicHalf(next));
        return new Made(secret.toString(), jwks.toString());
    }

    private static ObjectNode keyPair() {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make P-256 keys", e);
        }
        ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
        return JSON.createObjectNode().put("kty", "EC").put("crv", "P-256").put("alg", "ES256").put("use", "sig")
                .put("kid", "local-" + UUID.randomUUID().toString().substring(0, 8))
                .put("x", coordinate(publicKey.getW().getAffineX())).put("y", coordinate(publicKey.getW().getAffineY()))
                .put("d", coordinate(((ECPrivateKey) pair.getPrivate()).getS()));
    }

    private static ObjectNode publicHalf(ObjectNode key) {
        ObjectNode half = key.deepCopy();
        half.remove("d");
        return half;
    }

    private static String coordinate(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int length = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - length, fixed, 32 - length, length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }
}
