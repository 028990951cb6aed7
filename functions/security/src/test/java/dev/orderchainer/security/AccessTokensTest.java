package dev.orderchainer.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The JWT attack set: every forged, altered or misused token is refused. */
class AccessTokensTest {
    static final byte[] KEY = "k7Qp2vX9rT4mW8zL1cN6bJ3hF5dS0aGeYuIoPlKj".getBytes(StandardCharsets.UTF_8);
    static final SigningKeys KEYS = SigningKeys.of(new SigningKeys.Key("k1", KEY));
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private final AccessTokens tokens = new AccessTokens(KEYS, "orderchainer", "orderchainer-api", Duration.ofMinutes(30),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static JWTClaimsSet.Builder validClaims() {
        return new JWTClaimsSet.Builder().issuer("orderchainer").audience("orderchainer-api").subject("u1")
                .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(600))).jwtID("j1")
                .claim("typ", "access").claim("sid", "s1");
    }

    private static String sign(JWSHeader header, JWTClaimsSet claims, byte[] key) throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    private static JWSHeader hs256() {
        return new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt")).keyID("k1").build();
    }

    private String forged(Consumer<JWTClaimsSet.Builder> change) throws Exception {
        JWTClaimsSet.Builder claims = validClaims();
        change.accept(claims);
        return sign(hs256(), claims.build(), KEY);
    }

    private void refused(String token, String reason) {
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> tokens.verify(token));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void issuedTokensVerifyWithTheirClaims() throws Exception {
        AccessTokens.Issued issued = tokens.issue("user-1", "family-1");
        AccessClaims claims = tokens.verify(issued.token());
        assertEquals("user-1", claims.userId());
        assertEquals("family-1", claims.sessionId());
        assertEquals(issued.tokenId(), claims.tokenId());
        assertEquals(NOW.plus(Duration.ofMinutes(30)), claims.expiresAt());
        assertEquals("u1", tokens.verify(forged(c -> {})).userId());
    }

    @Test
    void algNoneIsRefused() {
        String unsigned = new PlainJWT(validClaims().build()).serialize();
        refused(unsigned, "not a signed JWT");
    }

    @Test
    void otherAlgorithmsAreRefusedEvenWithTheRightKey() throws Exception {
        byte[] longKey = (new String(KEY, StandardCharsets.UTF_8) + new String(KEY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        String hs512 = sign(new JWSHeader.Builder(JWSAlgorithm.HS512).type(new JOSEObjectType("at+jwt")).build(),
                validClaims().build(), longKey);
        refused(hs512, "algorithm HS512");
        RSAKey rsa = new RSAKeyGenerator(2048).generate();
        SignedJWT rs256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt")).build(),
                validClaims().build());
        rs256.sign(new RSASSASigner(rsa));
        refused(rs256.serialize(), "algorithm RS256");
    }

    @Test
    void aBadSignatureIsRefused() throws Exception {
        refused(sign(hs256(), validClaims().build(), "another-key-0123456789-abcdefghijklmnop".getBytes(StandardCharsets.UTF_8)),
                "bad signature");
        String good = forged(c -> {});
        String tampered = good.substring(0, good.lastIndexOf('.') - 2) + "xx" + good.substring(good.lastIndexOf('.'));
        assertThrows(InvalidTokenException.class, () -> tokens.verify(tampered));
    }

    @Test
    void expiredAndFutureTokensAreRefused() throws Exception {
        refused(forged(c -> c.expirationTime(Date.from(NOW.minusSeconds(31)))), "expired");
        refused(forged(c -> c.issueTime(Date.from(NOW.plusSeconds(120)))), "issued in the future");
    }

    @Test
    void wrongIssuerAudienceOrTypeAreRefused() throws Exception {
        refused(forged(c -> c.issuer("someone-else")), "wrong issuer");
        refused(forged(c -> c.audience("other-api")), "wrong audience");
        refused(forged(c -> c.claim("typ", "refresh")), "not an access token");
        refused(sign(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).keyID("k1").build(), validClaims().build(), KEY),
                "header typ");
    }

    @Test
    void missingRequiredClaimsAreRefused() throws Exception {
        refused(forged(c -> c.jwtID(null)), "missing");
        refused(forged(c -> c.subject(null)), "missing");
        refused(forged(c -> c.issueTime(null)), "missing");
        refused(forged(c -> c.expirationTime(null)), "missing");
        refused(forged(c -> c.claim("sid", null)), "missing");
    }

    @Test
    void aRefreshTokenIsNotAnAccessToken() {
        refused("cHq0S1v3n8y2Zk4rW9xB7mQ5tL6jF1aD0eR3uI8oP2s", "not a signed JWT");
        refused("", "not a signed JWT");
    }

    /** Signs raw header and payload JSON as they are, so malformed or duplicate-key documents can be tried. */
    private static String signRaw(String headerJson, String payloadJson) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        return input + "." + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void correctlySignedButMalformedDocumentsAreRefused() throws Exception {
        String header = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"k1\"}";
        long iat = NOW.getEpochSecond();
        String claims = "\"iss\":\"orderchainer\",\"aud\":\"orderchainer-api\",\"iat\":" + iat + ",\"exp\":" + (iat + 600)
                + ",\"jti\":\"j1\",\"typ\":\"access\",\"sid\":\"s1\"";
        assertEquals("u1", tokens.verify(signRaw(header, "{\"sub\":\"u1\"," + claims + "}")).userId(), "control");
        refused(signRaw(header, "{\"sub\":\"u1\",\"sub\":\"admin\"," + claims + "}"), "not a signed JWT");
        refused(signRaw("{\"alg\":\"HS256\",\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"k1\"}", "{\"sub\":\"u1\"," + claims + "}"),
                "not a signed JWT");
        refused(signRaw(header, "[\"u1\"]"), "not a signed JWT");
        refused(signRaw(header, "{\"sub\":\"u1\"," + claims + "} trailing"), "not a signed JWT");
        refused(signRaw("{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"k1\",\"crit\":[\"exp\"]}", "{\"sub\":\"u1\"," + claims + "}"),
                "critical header");
        refused(signRaw("{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"k1\",\"jku\":\"https://evil.example/keys\"}",
                "{\"sub\":\"u1\"," + claims + "}"), "exactly alg, typ and kid");
        refused(signRaw("{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}", "{\"sub\":\"u1\"," + claims + "}"), "exactly alg, typ and kid");
        refused(signRaw("{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":7}", "{\"sub\":\"u1\"," + claims + "}"),
                "exactly alg, typ and kid");
        refused(signRaw("{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"k0\"}", "{\"sub\":\"u1\"," + claims + "}"),
                "unknown key");
        refused(signRaw(header, "{\"sub\":\"u1\"," + claims.replace("\"iat\":" + iat, "\"iat\":\"yesterday\"") + "}"),
                "required claim");
        refused(signRaw(header, "{\"sub\":7," + claims + "}"), "required claim");
        refused(signRaw(header, "{\"sub\":\"u1\"," + claims.replace("\"sid\":\"s1\"", "\"sid\":[\"s1\"]") + "}"),
                "not a string");
        assertEquals("u1", tokens.verify(signRaw(header, "{\"sub\":\"u1\"," + claims.replace("\"aud\":\"orderchainer-api\"",
                "\"aud\":[\"other\",\"orderchainer-api\"]") + "}")).userId(), "aud may be a list");
        String valid = signRaw(header, "{\"sub\":\"u1\"," + claims + "}");
        refused(valid + ".", "not a signed JWT");
        refused(valid.substring(0, valid.lastIndexOf('.') + 1), "not a signed JWT");
        refused("%%%." + valid.substring(valid.indexOf('.') + 1), "not a signed JWT");
    }

    @Test
    void issuedTokensNameTheCurrentKey() throws Exception {
        String token = tokens.issue("u1", "s1").token();
        assertEquals("k1", SignedJWT.parse(token).getHeader().getKeyID());
    }

    @Test
    void duringARotationTokensOfTheCurrentAndThePreviousKeyVerifyAndNoOthers() throws Exception {
        byte[] newKey = "Zx9Lm2Qw8Er4Ty6Ui1Op3As5Df7Gh0Jk2Lz4Xc6Vb8Nm".getBytes(StandardCharsets.UTF_8);
        SigningKeys rotated = SigningKeys.parse("{\"current_kid\":\"k2\",\"current_secret\":\"" + new String(newKey, StandardCharsets.UTF_8)
                + "\",\"previous_kid\":\"k1\",\"previous_secret\":\"" + new String(KEY, StandardCharsets.UTF_8) + "\"}", "test");
        AccessTokens afterRotation = new AccessTokens(rotated, "orderchainer", "orderchainer-api", Duration.ofMinutes(30),
                Clock.fixed(NOW, ZoneOffset.UTC));
        String signedBefore = tokens.issue("u1", "s1").token();
        String signedAfter = afterRotation.issue("u2", "s2").token();
        assertEquals("k2", SignedJWT.parse(signedAfter).getHeader().getKeyID());
        assertEquals("u1", afterRotation.verify(signedBefore).userId(), "the previous key still verifies");
        assertEquals("u2", afterRotation.verify(signedAfter).userId());
        String wrongKeyForKid = sign(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt")).keyID("k2").build(),
                validClaims().build(), KEY);
        assertTrue(assertThrows(InvalidTokenException.class, () -> afterRotation.verify(wrongKeyForKid)).getMessage()
                .contains("bad signature"), "the kid picks the key; the key must match");
        AccessTokens retired = new AccessTokens(SigningKeys.of(new SigningKeys.Key("k3", newKey)), "orderchainer", "orderchainer-api",
                Duration.ofMinutes(30), Clock.fixed(NOW, ZoneOffset.UTC));
        InvalidTokenException gone = assertThrows(InvalidTokenException.class, () -> retired.verify(signedBefore));
        assertTrue(gone.getMessage().contains("unknown key"), "a key dropped from the set verifies nothing");
    }

    @Test
    void anUnknownKidMakesTheSourceLookAgainOnce() throws Exception {
        byte[] newKey = "Zx9Lm2Qw8Er4Ty6Ui1Op3As5Df7Gh0Jk2Lz4Xc6Vb8Nm".getBytes(StandardCharsets.UTF_8);
        SigningKeys stored = SigningKeys.parse("{\"current_kid\":\"k2\",\"current_secret\":\"" + new String(newKey, StandardCharsets.UTF_8)
                + "\",\"previous_kid\":\"k1\",\"previous_secret\":\"" + new String(KEY, StandardCharsets.UTF_8) + "\"}", "test");
        int[] lookups = {0};
        SigningKeySource staleCache = new SigningKeySource() {
            @Override
            public SigningKeys keys() {
                return KEYS;
            }

            @Override
            public SigningKeys refreshedFor(String kid) {
                lookups[0]++;
                return stored;
            }
        };
        AccessTokens stale = new AccessTokens(staleCache, "orderchainer", "orderchainer-api", Duration.ofMinutes(30),
                Clock.fixed(NOW, ZoneOffset.UTC));
        String fromRotatedInstance = new AccessTokens(stored, "orderchainer", "orderchainer-api", Duration.ofMinutes(30),
                Clock.fixed(NOW, ZoneOffset.UTC)).issue("u2", "s2").token();
        assertEquals("u2", stale.verify(fromRotatedInstance).userId());
        assertEquals(1, lookups[0]);
        assertEquals("u1", stale.verify(forged(c -> {})).userId());
        assertEquals(1, lookups[0], "a known kid needs no lookup");
    }
}
