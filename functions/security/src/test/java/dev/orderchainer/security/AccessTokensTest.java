package dev.orderchainer.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.orderchainer.common.config.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The JWT attack set against ES256 access tokens: every forged, altered or misused token is refused (RFC 8725). */
class AccessTokensTest {
    static final SigningKeys KEYS = SigningKeys.generate(Instant.parse("2026-11-01T00:00:00Z"));
    private static final String KID = KEYS.current().kid();
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final AccessTokens tokens = tokens(KEYS, Clock.fixed(NOW, ZoneOffset.UTC));

    private static AccessTokens tokens(SigningKeys keys, Clock clock) {
        return new AccessTokens(keys, "orderchainer", "orderchainer-api", Duration.ofMinutes(30), clock);
    }

    private static JWTClaimsSet.Builder validClaims() {
        return new JWTClaimsSet.Builder().issuer("orderchainer").audience("orderchainer-api").subject("u1")
                .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(600))).jwtID("j1")
                .claim("typ", "access").claim("sid", "s1");
    }

    private static String header(String kid) {
        return "{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"" + kid + "\"}";
    }

    /** Signs raw header and payload JSON as they are (ES256 with {@code key}), so malformed documents can be tried. */
    private static String signRaw(String headerJson, String payloadJson, PrivateKey key) {
        String input = B64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        return input + "." + B64.encodeToString(Es256.sign(key, input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String signRaw(String headerJson, String payloadJson) {
        return signRaw(headerJson, payloadJson, KEYS.current().privateKey());
    }

    private static String hmac(String headerJson, String payloadJson, byte[] secret) throws Exception {
        String input = B64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private String forged(Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = validClaims();
        change.accept(claims);
        return signRaw(header(KID), claims.build().toString());
    }

    private void refused(String token, String reason) {
        refused(tokens, token, reason);
    }

    private static void refused(AccessTokens verifier, String token, String reason) {
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> verifier.verify(token));
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
        SignedJWT parsed = SignedJWT.parse(issued.token());
        assertEquals(JWSAlgorithm.ES256, parsed.getHeader().getAlgorithm());
        assertEquals(new JOSEObjectType("at+jwt"), parsed.getHeader().getType());
        assertEquals(KID, parsed.getHeader().getKeyID());
        assertEquals("u1", tokens.verify(forged(c -> {})).userId());
    }

    @Test
    void aFunctionThatOnlyVerifiesChecksTokensButCannotIssue() throws Exception {
        AccessTokens verifier = AccessTokens.verifyingOnly(VerificationKeys.parse(KEYS.verificationKeys().jwks(), "config"),
                "orderchainer", "orderchainer-api", Duration.ofMinutes(30), Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals("user-1", verifier.verify(tokens.issue("user-1", "f").token()).userId());
        assertThrows(IllegalStateException.class, () -> verifier.issue("u", "s"));
    }

    @Test
    void algNoneIsRefused() {
        refused(new PlainJWT(validClaims().build()).serialize(), "not a signed JWT");
        String none = B64.encodeToString("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"x\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(validClaims().build().toString().getBytes(StandardCharsets.UTF_8)) + ".AAAA";
        refused(none.replace("\"x\"", "\"" + KID + "\""), "algorithm none");
    }

    /** Key confusion (RFC 8725 2.1): the public key, in every encoding an attacker might try, as an HMAC secret. */
    @Test
    void anHs256TokenSignedWithThePublicKeyAsSecretIsRefused() throws Exception {
        String claims = validClaims().build().toString();
        String hsHeader = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"" + KID + "\"}";
        byte[] der = KEYS.verificationKeys().find(KID).orElseThrow().getEncoded();
        for (byte[] secret : List.of(der, KEYS.verificationKeys().jwks().getBytes(StandardCharsets.UTF_8),
                Base64.getEncoder().encode(der), ("-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(der)
                        + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.US_ASCII))) {
            refused(hmac(hsHeader, claims, secret), "algorithm HS256 is not accepted");
        }
    }

    @Test
    void otherAlgorithmsAreRefused() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID(KID).generate();
        SignedJWT rs256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt")).keyID(KID).build(),
                validClaims().build());
        rs256.sign(new RSASSASigner(rsa));
        refused(rs256.serialize(), "algorithm RS256");
        ECKey p384 = new ECKeyGenerator(Curve.P_384).keyID(KID).generate();
        SignedJWT es384 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES384).type(new JOSEObjectType("at+jwt")).keyID(KID).build(),
                validClaims().build());
        es384.sign(new ECDSASigner(p384));
        refused(es384.serialize(), "algorithm ES384");
    }

    @Test
    void aBadSignatureIsRefused() throws Exception {
        ECKey other = new ECKeyGenerator(Curve.P_256).generate();
        refused(signRaw(header(KID), validClaims().build().toString(), other.toPrivateKey()), "bad signature");
        String good = forged(c -> {});
        String tampered = good.substring(0, good.lastIndexOf('.') - 2) + "xx" + good.substring(good.lastIndexOf('.'));
        assertThrows(InvalidTokenException.class, () -> tokens.verify(tampered));
        String input = good.substring(0, good.lastIndexOf('.'));
        Signature der = Signature.getInstance("SHA256withECDSA");
        der.initSign(KEYS.current().privateKey());
        der.update(input.getBytes(StandardCharsets.US_ASCII));
        refused(input + "." + B64.encodeToString(der.sign()), "bad signature");
        refused(input + "." + B64.encodeToString(new byte[64]), "bad signature");
        refused(input + ".!!!", "bad signature");
    }

    @Test
    void expiredAndFutureTokensAreRefused() {
        refused(forged(c -> c.expirationTime(Date.from(NOW.minusSeconds(31)))), "expired");
        refused(forged(c -> c.issueTime(Date.from(NOW.plusSeconds(120)))), "issued in the future");
    }

    /** A signature checked once is remembered by the whole token: the claims are still checked on every use. */
    @Test
    void aRememberedSignatureNeverSkipsTheClaimChecksOrCoversAnotherToken() throws Exception {
        Instant[] now = {NOW};
        Clock moving = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        AccessTokens verifier = tokens(KEYS, moving);
        String token = forged(c -> {});
        assertEquals("u1", verifier.verify(token).userId());
        String signature = token.substring(token.lastIndexOf('.'));
        String otherClaims = B64.encodeToString(validClaims().subject("admin").build().toString().getBytes(StandardCharsets.UTF_8));
        refused(verifier, B64.encodeToString(header(KID).getBytes(StandardCharsets.UTF_8)) + "." + otherClaims + signature, "bad signature");
        now[0] = NOW.plusSeconds(700);
        refused(verifier, token, "expired");
    }

    @Test
    void wrongIssuerAudienceOrTypeAreRefused() {
        refused(forged(c -> c.issuer("someone-else")), "wrong issuer");
        refused(forged(c -> c.audience("other-api")), "wrong audience");
        refused(forged(c -> c.claim("typ", "refresh")), "not an access token");
        refused(signRaw("{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"" + KID + "\"}", validClaims().build().toString()), "header typ");
    }

    @Test
    void missingRequiredClaimsAreRefused() {
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

    @Test
    void correctlySignedButMalformedDocumentsAreRefused() throws Exception {
        String header = header(KID);
        long iat = NOW.getEpochSecond();
        String claims = "\"iss\":\"orderchainer\",\"aud\":\"orderchainer-api\",\"iat\":" + iat + ",\"exp\":" + (iat + 600)
                + ",\"jti\":\"j1\",\"typ\":\"access\",\"sid\":\"s1\"";
        assertEquals("u1", tokens.verify(signRaw(header, "{\"sub\":\"u1\"," + claims + "}")).userId(), "control");
        refused(signRaw(header, "{\"sub\":\"u1\",\"sub\":\"admin\"," + claims + "}"), "not a signed JWT");
        refused(signRaw("{\"alg\":\"ES256\",\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + KID + "\"}", "{\"sub\":\"u1\"," + claims + "}"),
                "not a signed JWT");
        refused(signRaw(header, "[\"u1\"]"), "not a signed JWT");
        refused(signRaw(header, "{\"sub\":\"u1\"," + claims + "} trailing"), "not a signed JWT");
        refused(signRaw("{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"" + KID + "\",\"crit\":[\"exp\"]}", "{\"sub\":\"u1\"," + claims + "}"),
                "critical header");
        refused(signRaw("{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"" + KID + "\",\"jku\":\"https://evil.example/keys\"}",
                "{\"sub\":\"u1\"," + claims + "}"), "exactly alg, typ and kid");
        String embeddedKey = "{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"" + KID + "\",\"jwk\":" + KEYS.verificationKeys().jwks() + "}";
        refused(signRaw(embeddedKey, "{\"sub\":\"u1\"," + claims + "}"), "exactly alg, typ and kid");
        refused(signRaw("{\"alg\":\"ES256\",\"typ\":\"at+jwt\"}", "{\"sub\":\"u1\"," + claims + "}"), "exactly alg, typ and kid");
        refused(signRaw("{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":7}", "{\"sub\":\"u1\"," + claims + "}"), "exactly alg, typ and kid");
        refused(signRaw(header("k0"), "{\"sub\":\"u1\"," + claims + "}"), "unknown key");
        refused(signRaw(header, "{\"sub\":\"u1\"," + claims.replace("\"iat\":" + iat, "\"iat\":\"yesterday\"") + "}"), "required claim");
        refused(signRaw(header, "{\"sub\":7," + claims + "}"), "required claim");
        refused(signRaw(header, "{\"sub\":\"u1\"," + claims.replace("\"sid\":\"s1\"", "\"sid\":[\"s1\"]") + "}"), "not a string");
        assertEquals("u1", tokens.verify(signRaw(header, "{\"sub\":\"u1\"," + claims.replace("\"aud\":\"orderchainer-api\"",
                "\"aud\":[\"other\",\"orderchainer-api\"]") + "}")).userId(), "aud may be a list");
        String valid = signRaw(header, "{\"sub\":\"u1\"," + claims + "}");
        refused(valid + ".", "not a signed JWT");
        refused(valid.substring(0, valid.lastIndexOf('.') + 1), "not a signed JWT");
        refused("%%%." + valid.substring(valid.indexOf('.') + 1), "not a signed JWT");
    }

    /**
     * A rotation: the next key (published one rotation ahead) signs, the old current one still verifies until its last
     * token has expired, and a key two rotations old verifies nothing.
     */
    @Test
    void aRotationKeepsThePreviousKeyAndPublishesTheNextAhead() throws Exception {
        SigningKeys rotated = KEYS.rotate(NOW);
        AccessTokens afterRotation = tokens(rotated, Clock.fixed(NOW, ZoneOffset.UTC));
        String signedBefore = tokens.issue("u1", "s1").token();
        String signedAfter = afterRotation.issue("u2", "s2").token();
        String newKid = SignedJWT.parse(signedAfter).getHeader().getKeyID();
        assertNotEquals(KID, newKid);
        assertEquals("u2", tokens.verify(signedAfter).userId(), "a function not yet reconfigured knows the new key already");
        assertEquals("u1", afterRotation.verify(signedBefore).userId(), "the previous key still verifies");
        String wrongKeyForKid = signRaw(header(newKid), validClaims().build().toString(), KEYS.current().privateKey());
        refused(afterRotation, wrongKeyForKid, "bad signature");
        AccessTokens twiceRotated = tokens(rotated.rotate(NOW), Clock.fixed(NOW, ZoneOffset.UTC));
        refused(twiceRotated, signedBefore, "unknown key");
        assertEquals("u2", twiceRotated.verify(signedAfter).userId());
    }

    @Test
    void aSigningKeyTheConfigurationDoesNotPublishStopsTheFunctionAtStart() {
        SigningKeys elsewhere = SigningKeys.generate(NOW);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new AccessTokens(SigningKeySource.fixed(elsewhere),
                KEYS.verificationKeys(), "orderchainer", "orderchainer-api", Duration.ofMinutes(30), Clock.systemUTC()));
        assertTrue(e.getMessage().contains(elsewhere.current().kid()), e.getMessage());
    }
}
