package dev.orderchainer.security;

import dev.orderchainer.common.config.ConfigurationException;
import dev.orderchainer.common.json.Json;
import dev.orderchainer.common.json.JsonStreams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The public keys access tokens are checked with: a JWK Set (RFC 7517) of ES256 keys, each with its kid, as the
 * deployment gives every function in ACCESS_TOKEN_PUBLIC_KEYS (the key that signs now, the next one, already
 * published so a rotation never meets a function that does not know it, and the previous one until the last token
 * it signed has expired). Only EC P-256 keys for ES256 are accepted: the algorithm is pinned per key, never taken
 * from a token.
 */
public final class VerificationKeys {
    public static final String ENVIRONMENT = "ACCESS_TOKEN_PUBLIC_KEYS";
    static final Pattern KID = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");
    private static final Set<String> MEMBERS = Set.of("kty", "crv", "alg", "use", "kid", "x", "y");
    private final Map<String, PublicKey> keys;
    private final String jwks;

    private VerificationKeys(Map<String, PublicKey> keys, String jwks) {
        this.keys = keys;
        this.jwks = jwks;
    }

    /** @param source where the value came from (a variable's name), for the error message */
    public static VerificationKeys parse(String json, String source) {
        Object root;
        try {
            root = json == null ? null : JsonStreams.read(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            root = null;
        }
        if (!(root instanceof Map<?, ?> set) || set.size() != 1 || !(set.get("keys") instanceof List<?> jwks) || jwks.isEmpty()) {
            throw new ConfigurationException(source + " must be a JWK Set {\"keys\":[...]} of at least one ES256 public key");
        }
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        List<Map<String, Object>> published = new ArrayList<>();
        for (Object entry : jwks) {
            Object kid = entry instanceof Map<?, ?> jwk ? jwk.get("kid") : null;
            if (!(kid instanceof String id) || !KID.matcher(id).matches()) {
                throw new ConfigurationException(source + ": every key needs a kid of 1 to 64 letters, digits, '.', '_' or '-'");
            }
            Map<?, ?> jwk = (Map<?, ?>) entry;
            if (keys.put(id, publicKey(jwk, source + " key " + id)) != null) {
                throw new ConfigurationException(source + ": kid " + id + " appears twice");
            }
            published.add(publicPart(jwk));
        }
        return new VerificationKeys(Map.copyOf(keys), Json.write(Map.of("keys", published)));
    }

    public Optional<PublicKey> find(String kid) {
        return Optional.ofNullable(keys.get(kid));
    }

    public Set<String> kids() {
        return keys.keySet();
    }

    /** The set as published at /api/auth/jwks.json: public members only, in the configured order. */
    public String jwks() {
        return jwks;
    }

    private static PublicKey publicKey(Map<?, ?> jwk, String what) {
        for (Object name : jwk.keySet()) {
            if (!MEMBERS.contains(name)) {
                // A private member (d) in a public configuration is a leak to fix, not to publish.
                throw new ConfigurationException(what + " has member " + name + "; a public key has only " + MEMBERS);
            }
        }
        if (!"EC".equals(jwk.get("kty")) || !Es256.CURVE.equals(jwk.get("crv")) || !Es256.ALGORITHM.equals(jwk.get("alg"))
                || jwk.containsKey("use") && !"sig".equals(jwk.get("use"))) {
            throw new ConfigurationException(what + " must be kty EC, crv P-256, alg ES256 (use sig)");
        }
        try {
            return Es256.publicKey(String.valueOf(jwk.get("x")), String.valueOf(jwk.get("y")));
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(what + " is not a P-256 public key: " + e.getMessage());
        }
    }

    /** A JWK's public members, in the order the set is published in. */
    static Map<String, Object> publicPart(Map<?, ?> jwk) {
        Map<String, Object> key = new LinkedHashMap<>();
        for (String name : new String[] {"kty", "crv", "alg", "use", "kid", "x", "y"}) {
            key.put(name, name.equals("use") ? "sig" : jwk.get(name));
        }
        return key;
    }
}
