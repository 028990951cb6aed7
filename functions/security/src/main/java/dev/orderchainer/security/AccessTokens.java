package dev.orderchainer.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.orderchainer.common.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issues and verifies our access tokens: HS256 JWTs with iss, aud, sub, iat, exp, jti, typ and
 * sid (the refresh family, so logout can end the session). Verification pins the algorithm and
 * the token type and requires every claim; it never trusts the token's own header for the key.
 */
public final class AccessTokens {
    static final JOSEObjectType HEADER_TYPE = new JOSEObjectType("at+jwt");
    static final String TYPE_CLAIM = "typ";
    static final String ACCESS = "access";
    static final String SESSION_CLAIM = "sid";
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};
    /** The only header we accept; the signature is checked as if it were this one (it is, once alg and typ match). */
    private static final JWSHeader VERIFIED_HEADER = new JWSHeader.Builder(JWSAlgorithm.HS256).type(HEADER_TYPE).build();
    private final MACSigner signer;
    private final MACVerifier verifier;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;
    private final Clock clock;

    public AccessTokens(byte[] key, String issuer, String audience, Duration lifetime, Clock clock) {
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable signing key: " + e.getMessage(), e);
        }
        this.issuer = issuer;
        this.audience = audience;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** A signed access token and its id and expiry (for revocation on logout). */
    public record Issued(String token, String tokenId, Instant expiresAt) {}

    public Issued issue(String userId, String sessionId) {
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        String tokenId = UUID.randomUUID().toString();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer).audience(audience).subject(userId)
                .issueTime(Date.from(now)).expirationTime(Date.from(expires)).jwtID(tokenId)
                .claim(TYPE_CLAIM, ACCESS).claim(SESSION_CLAIM, sessionId)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(HEADER_TYPE).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign access token", e);
        }
        return new Issued(jwt.serialize(), tokenId, expires);
    }

    /**
     * Reads header and claims with our strict JSON mapper (duplicate keys refused) and checks the
     * HMAC with nimbus' MACVerifier over the token's own bytes. Nimbus' own JSON parsing is left
     * out: it loads a shaded Gson (about 130 classes) on every cold start for the same result.
     */
    public AccessClaims verify(String token) throws InvalidTokenException {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new InvalidTokenException("not a signed JWT");
        }
        Map<String, Object> header = jsonObject(parts[0]);
        Map<String, Object> claims = jsonObject(parts[1]);
        if (!JWSAlgorithm.HS256.getName().equals(header.get("alg"))) {
            throw new InvalidTokenException("algorithm " + header.get("alg") + " is not accepted");
        }
        if (!HEADER_TYPE.toString().equals(header.get("typ"))) {
            throw new InvalidTokenException("header typ " + header.get("typ") + " is not at+jwt");
        }
        if (header.containsKey("crit")) {
            throw new InvalidTokenException("critical header parameters are not accepted");
        }
        if (header.size() != 2) {
            throw new InvalidTokenException("header parameters other than alg and typ are not accepted");
        }
        try {
            byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
            if (!verifier.verify(VERIFIED_HEADER, signingInput, new Base64URL(parts[2]))) {
                throw new InvalidTokenException("bad signature");
            }
        } catch (JOSEException e) {
            throw new InvalidTokenException("signature cannot be verified");
        }
        return checkClaims(claims);
    }

    private static Map<String, Object> jsonObject(String base64Url) throws InvalidTokenException {
        try {
            Map<String, Object> value = Json.mapper().readValue(Base64.getUrlDecoder().decode(base64Url), JSON_OBJECT);
            if (value == null) {
                throw new InvalidTokenException("not a signed JWT");
            }
            return value;
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidTokenException("not a signed JWT");
        }
    }

    private AccessClaims checkClaims(Map<String, Object> claims) throws InvalidTokenException {
        Instant now = clock.instant();
        if (!issuer.equals(claims.get("iss"))) {
            throw new InvalidTokenException("wrong issuer");
        }
        Object audiences = claims.get("aud");
        if (!(audience.equals(audiences) || audiences instanceof List<?> list && list.contains(audience))) {
            throw new InvalidTokenException("wrong audience");
        }
        Object type = claims.get(TYPE_CLAIM);
        Object session = claims.get(SESSION_CLAIM);
        if (type != null && !(type instanceof String) || session != null && !(session instanceof String)) {
            throw new InvalidTokenException("typ or sid is not a string");
        }
        if (!ACCESS.equals(type)) {
            throw new InvalidTokenException("token type " + type + " is not an access token");
        }
        String subject = text(claims.get("sub"));
        String tokenId = text(claims.get("jti"));
        Instant issued = epochSeconds(claims.get("iat"));
        Instant expires = epochSeconds(claims.get("exp"));
        if (subject == null || tokenId == null || issued == null || expires == null || session == null) {
            throw new InvalidTokenException("a required claim (sub, jti, iat, exp, sid) is missing");
        }
        if (!expires.isAfter(now.minus(CLOCK_SKEW))) {
            throw new InvalidTokenException("expired");
        }
        if (issued.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidTokenException("issued in the future");
        }
        return new AccessClaims(subject, tokenId, (String) session, issued, expires);
    }

    private static String text(Object value) {
        return value instanceof String text && !text.isBlank() ? text : null;
    }

    /** NumericDate: whole seconds since the epoch (RFC 7519); anything else counts as missing. */
    private static Instant epochSeconds(Object value) {
        return value instanceof Integer || value instanceof Long ? Instant.ofEpochSecond(((Number) value).longValue()) : null;
    }
}
