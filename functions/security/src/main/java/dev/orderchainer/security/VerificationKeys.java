package dev.orderchainer.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderchainer.common.config.ConfigurationException;
import dev.orderchainer.common.json.Json;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.LinkedHashMap;
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
        JsonNode root;
        try {
            root = json == null ? null : Json.mapper().readTree(json);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.path("keys").isArray() || root.path("keys").isEmpty() || root.size() != 1) {
            throw new ConfigurationException(source + " must be a JWK Set {\"keys\":[...]} of at least one ES256 public key");
        }
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        ArrayNode published = Json.mapper().createArrayNode();
        for (JsonNode jwk : root.path("keys")) {
            String kid = jwk.path("kid").asText("");
            if (!jwk.isObject() || !KID.matcher(kid).matches()) {
                throw new ConfigurationException(source + ": every key needs a kid of 1 to 64 letters, digits, '.', '_' or '-'");
            }
            if (keys.put(kid, publicKey(jwk, source + " key " + kid)) != null) {
                throw new ConfigurationException(source + ": kid " + kid + " appears twice");
            }
            published.add(publicPart(jwk));
        }
        ObjectNode set = Json.mapper().createObjectNode();
        set.set("keys", published);
        return new VerificationKeys(Map.copyOf(keys), set.toString());
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

    private static PublicKey publicKey(JsonNode jwk, String what) {
        jwk.fieldNames().forEachRemaining(name -> {
            if (!MEMBERS.contains(name)) {
                // A private member (d) in a public configuration is a leak to fix, not to publish.
                throw new ConfigurationException(what + " has member " + name + "; a public key has only " + MEMBERS);
            }
        });
        if (!"EC".equals(jwk.path("kty").asText()) || !Es256.CURVE.equals(jwk.path("crv").asText())
                || !Es256.ALGORITHM.equals(jwk.path("alg").asText()) || jwk.has("use") && !"sig".equals(jwk.path("use").asText())) {
            throw new ConfigurationException(what + " must be kty EC, crv P-256, alg ES256 (use sig)");
        }
        try {
            return Es256.publicKey(jwk.path("x").asText(""), jwk.path("y").asText(""));
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(what + " is not a P-256 public key: " + e.getMessage());
        }
    }

    static ObjectNode publicPart(JsonNode jwk) {
        ObjectNode key = Json.mapper().createObjectNode();
        for (String name : new String[] {"kty", "crv", "alg", "use", "kid", "x", "y"}) {
            key.put(name, name.equals("use") ? "sig" : jwk.path(name).asText());
        }
        return key;
    }
}
