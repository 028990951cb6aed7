package dev.orderchainer.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderchainer.common.config.ConfigurationException;
import dev.orderchainer.common.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The key pairs of the signing keys secret and the public key set every function is configured with. */
class SigningKeysTest {
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void newKeysHaveACurrentAndANextKeyAndSurviveTheSecretsRoundTrip() {
        SigningKeys keys = SigningKeys.generate(T0);
        SigningKeys read = SigningKeys.parse(keys.toJson(), "s");
        assertEquals(keys.current().kid(), read.current().kid());
        assertEquals(T0, read.rotatedAt());
        assertEquals(2, read.verificationKeys().kids().size());
        assertTrue(keys.current().kid().matches("es256-20261201-[0-9a-f]{12}"), keys.current().kid());
        byte[] input = "x".getBytes();
        assertTrue(Es256.verify(keys.verificationKeys().find(keys.current().kid()).orElseThrow(), input,
                Es256.sign(read.current().privateKey(), input)), "the parsed private key is the generated one");
    }

    @Test
    void aRotationPromotesTheNextKeyKeepsThePreviousAndDropsTheOneBefore() {
        SigningKeys first = SigningKeys.generate(T0);
        SigningKeys second = first.rotate(T0.plusSeconds(3600));
        SigningKeys third = second.rotate(T0.plusSeconds(7200));
        List<String> firstKids = new ArrayList<>(first.verificationKeys().kids());
        assertTrue(first.verificationKeys().kids().contains(second.current().kid()), "the new signing key was published before");
        assertTrue(second.verificationKeys().kids().contains(first.current().kid()), "the previous key still verifies");
        assertEquals(3, second.verificationKeys().kids().size());
        assertFalse(third.verificationKeys().kids().contains(first.current().kid()), "two rotations ago: gone");
        assertNotEquals(firstKids, new ArrayList<>(third.verificationKeys().kids()));
        assertEquals(T0.plusSeconds(7200), SigningKeys.parse(third.toJson(), "s").rotatedAt());
    }

    @Test
    void thePublishedSetHoldsNoPrivatePart() throws Exception {
        SigningKeys keys = SigningKeys.generate(T0).rotate(T0);
        JsonNode jwks = Json.mapper().readTree(keys.verificationKeys().jwks());
        assertEquals(3, jwks.path("keys").size());
        for (JsonNode key : jwks.path("keys")) {
            assertFalse(key.has("d"), key.toString());
            assertEquals("ES256", key.path("alg").asText());
            assertEquals("sig", key.path("use").asText());
        }
        assertTrue(keys.toJson().contains("\"d\""), "the secret does hold them");
    }

    @Test
    void refusesMalformedSecretsNamingTheSecretNeverItsContent() {
        String good = SigningKeys.generate(T0).toJson();
        ObjectNode noD = (ObjectNode) Json.mapper().valueToTree(readTree(good));
        ((ObjectNode) noD.path("current")).remove("d");
        ObjectNode badTime = (ObjectNode) readTree(good);
        badTime.put("rotated_at", "yesterday");
        ObjectNode noNext = (ObjectNode) readTree(good);
        noNext.remove("next");
        for (String json : new String[] {null, "", "not json", "[]", "{}", noD.toString(), badTime.toString(), noNext.toString(),
            "{\"current_kid\":\"1\",\"current_secret\":\"q5ZkD0mC9wV2nE8xR1tY7uI3oP6aS4dF2gH0jK9lM1c\"}"}) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> SigningKeys.parse(json, "oc/keys"), String.valueOf(json));
            assertTrue(e.getMessage().contains("oc/keys"), e.getMessage());
            assertFalse(e.getMessage().contains("q5ZkD0"), e.getMessage());
        }
    }

    @Test
    void theConfiguredSetAcceptsOnlyEs256PublicKeysWithDistinctKids() {
        String jwks = SigningKeys.generate(T0).verificationKeys().jwks();
        JsonNode key = readTree(jwks).path("keys").get(0);
        List<String> bad = new ArrayList<>(List.of("", "{}", "{\"keys\":[]}", "not json", "{\"keys\":[" + key + "," + key + "]}"));
        for (String[] change : new String[][] {{"kty", "RSA"}, {"crv", "P-384"}, {"alg", "HS256"}, {"alg", "none"}, {"use", "enc"},
            {"x", "AAAA"}, {"kid", "a b"}, {"d", "secret"}}) {
            ObjectNode changed = key.deepCopy();
            changed.put(change[0], change[1]);
            bad.add("{\"keys\":[" + changed + "]}");
        }
        for (String json : bad) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> VerificationKeys.parse(json, VerificationKeys.ENVIRONMENT), json);
            assertTrue(e.getMessage().contains(VerificationKeys.ENVIRONMENT), e.getMessage());
        }
        assertEquals(1, VerificationKeys.parse("{\"keys\":[" + key + "]}", "c").kids().size());
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
