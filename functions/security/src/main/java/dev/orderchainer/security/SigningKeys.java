package dev.orderchainer.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderchainer.common.config.ConfigurationException;
import dev.orderchainer.common.json.Json;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The ES256 key pairs of a deployment, as the signing keys secret holds them (only the token and refresh functions
 * read it): the current key signs; the next one is already published, so when a rotation makes it current every
 * function knows it; the previous one still verifies what it signed. One secret, so a rotation is one atomic write:
 * {"rotated_at":"…","current":{JWK with d},"next":{JWK with d},"previous":{JWK with d}} (previous absent before
 * the first rotation). The public halves are {@link #verificationKeys()}, what every function is configured with.
 */
public final class SigningKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter KID_DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    /** The key that signs: its id (the token header's kid) and its private half. */
    public record Key(String kid, PrivateKey privateKey) {}

    private final Instant rotatedAt;
    private final ObjectNode current;
    private final ObjectNode next;
    private final ObjectNode previous;
    private final Key signing;

    private SigningKeys(Instant rotatedAt, ObjectNode current, ObjectNode next, ObjectNode previous, String source) {
        this.rotatedAt = rotatedAt;
        this.current = current;
        this.next = next;
        this.previous = previous;
        String kid = current.path("kid").asText("");
        try {
            this.signing = new Key(kid, Es256.privateKey(current.path("d").asText("")));
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(source + ": the current key " + kid + " has no usable private part (d)");
        }
    }

    /** Keys for a new deployment: a current key and the next one. */
    public static SigningKeys generate(Instant now) {
        return new SigningKeys(now, newKey(now), newKey(now), null, "new keys");
    }

    /** The rotation: the next key signs from now on, the current one becomes the previous, a new next is made. */
    public SigningKeys rotate(Instant now) {
        return new SigningKeys(now, next, newKey(now), current, "rotated keys");
    }

    /**
     * A rotation no sooner than {@code minInterval} after the last: until then a token signed with today's previous
     * key (which this rotation drops) may still be valid (its lifetime plus how long issuers cache these keys).
     */
    public SigningKeys rotate(Instant now, Duration minInterval) {
        Instant earliest = rotatedAt.plus(minInterval);
        if (now.isBefore(earliest)) {
            throw new RotationTooSoonException(rotatedAt, earliest);
        }
        return rotate(now);
    }

    /** @param source where the value came from (the secret's name), for the error message */
    public static SigningKeys parse(String json, String source) {
        JsonNode root;
        try {
            root = json == null ? null : Json.mapper().readTree(json);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.path("current").isObject() || !root.path("next").isObject()) {
            throw new ConfigurationException(source + " must be JSON {\"rotated_at\":…,\"current\":{JWK},\"next\":{JWK},"
                    + "\"previous\":{JWK}} of ES256 key pairs (written by the stack's SigningKeys resource)");
        }
        Instant rotatedAt;
        try {
            rotatedAt = Instant.parse(root.path("rotated_at").asText(""));
        } catch (DateTimeParseException e) {
            throw new ConfigurationException(source + ": rotated_at must be an ISO-8601 instant");
        }
        ObjectNode previous = root.path("previous").isObject() ? (ObjectNode) root.path("previous") : null;
        SigningKeys keys = new SigningKeys(rotatedAt, (ObjectNode) root.path("current"), (ObjectNode) root.path("next"), previous, source);
        keys.verificationKeys(source);
        return keys;
    }

    public Key current() {
        return signing;
    }

    public Instant rotatedAt() {
        return rotatedAt;
    }

    /** The public halves: current, next and (after a rotation) previous. */
    public VerificationKeys verificationKeys() {
        return verificationKeys("signing keys");
    }

    public String toJson() {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("rotated_at", rotatedAt.toString());
        root.set("current", current);
        root.set("next", next);
        if (previous != null) {
            root.set("previous", previous);
        }
        return root.toString();
    }

    private VerificationKeys verificationKeys(String source) {
        List<Map<String, Object>> keys = new ArrayList<>();
        for (ObjectNode pair : previous == null ? List.of(current, next) : List.of(current, next, previous)) {
            keys.add(VerificationKeys.publicPart(Json.mapper().convertValue(pair, Map.class)));
        }
        return VerificationKeys.parse(Json.write(Map.of("keys", keys)), source);
    }

    private static ObjectNode newKey(Instant now) {
        KeyPair pair = Es256.generate();
        String[] xy = Es256.coordinates(pair.getPublic());
        byte[] suffix = new byte[6];
        RANDOM.nextBytes(suffix);
        ObjectNode jwk = Json.mapper().createObjectNode();
        jwk.put("kty", "EC").put("crv", Es256.CURVE).put("alg", Es256.ALGORITHM).put("use", "sig")
                .put("kid", "es256-" + KID_DAY.format(now) + "-" + HexFormat.of().formatHex(suffix))
                .put("x", xy[0]).put("y", xy[1]).put("d", Es256.secretScalar(pair.getPrivate()));
        return jwk;
    }
}
