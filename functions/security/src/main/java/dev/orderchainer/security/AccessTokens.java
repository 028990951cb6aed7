package dev.orderchainer.security;

import com.fasterxml.jackson.core.type.TypeReference;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
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
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and verifies our access tokens: HS256 JWTs with iss, aud, sub, iat, exp, jti, typ and
 * sid (the refresh family, so logout can end the session), signed with the current key and naming
 * it in the kid header. Verification pins the algorithm and the token type, requires every claim,
 * and takes the key only from our own key set by kid (the current or, during a rotation, the previous one).
 */
public final class AccessTokens {
    static final JOSEObjectType HEADER_TYPE = new JOSEObjectType("at+jwt");
    static final String TYPE_CLAIM = "typ";
    static final String ACCESS = "access";
    static final String SESSION_CLAIM = "sid";
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};
    private final SigningKeySource keys;
    private final Map<SigningKeys.Key, MACVerifier> verifiers = new ConcurrentHashMap<>();
    private final String issuer;
    private final String audience;
    private final Duration lifetime;
    private final Clock clock;

    public AccessTokens(SigningKeySource keys, String issuer, String audience, Duration lifetime, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Tokens with keys that never change (tests and tools). */
    public AccessTokens(SigningKeys keys, String issuer, String audience, Duration lifetime, Clock clock) {
        this(SigningKeySource.fixed(keys), issuer, audience, lifetime, clock);
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
        SigningKeys.Key key = keys.keys().current();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(HEADER_TYPE).keyID(key.kid()).build(), claims);
        try {
            jwt.sign(new MACSigner(key.secret()));
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
        if (header.size() != 3 || !(header.get("kid") instanceof String kid)) {
            throw new InvalidTokenException("the header must be exactly alg, typ and kid");
        }
        SigningKeys.Key key = keys.keys().find(kid).or(() -> keys.refreshedFor(kid).find(kid))
                .orElseThrow(() -> new InvalidTokenException("signed with an unknown key"));
        try {
            byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
            JWSHeader checked = new JWSHeader.Builder(JWSAlgorithm.HS256).type(HEADER_TYPE).keyID(kid).build();
            if (!verifier(key).verify(checked, signingInput, new Base64URL(parts[2]))) {
                throw new InvalidTokenException("bad signature");
            }
        } catch (JOSEException e) {
            throw new InvalidTokenException("signature cannot be verified");
        }
        return checkClaims(claims);
    }

    private MACVerifier verifier(SigningKeys.Key key) {
        return verifiers.computeIfAbsent(key, k -> {
            try {
                return new MACVerifier(k.secret());
            } catch (JOSEException e) {
                throw new IllegalStateException("unusable signing key " + k.kid(), e);
            }
        });
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

    /** Ours: our issuer, our audience (alone or among others). */
    private void checkIssuerAndAudience(Map<String, Object> claims) throws InvalidTokenException {
        if (!issuer.equals(claims.get("iss"))) {
            throw new InvalidTokenException("wrong issuer");
        }
        Object audiences = claims.get("aud");
        if (!(audience.equals(audiences) || audiences instanceof List<?> list && list.contains(audience))) {
            throw new InvalidTokenException("wrong audience");
        }
    }

    private AccessClaims checkClaims(Map<String, Object> claims) throws InvalidTokenException {
        Instant now = clock.instant();
        checkIssuerAndAudience(claims);
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
