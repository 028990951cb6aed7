package dev.orderchainer.security;

import dev.orderchainer.common.config.ConfigurationException;
import dev.orderchainer.common.json.Json;
import dev.orderchainer.common.json.JsonStreams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issues and verifies our access tokens: ES256 JWTs (RFC 9068 typ at+jwt) with iss, aud, sub, iat, exp, jti, typ and
 * sid (the refresh family, so logout can end the session), signed with the current key of the signing keys and
 * naming it in the kid header. Only the token and refresh functions can issue (they read the private keys); every
 * function verifies with the public keys of its configuration. Verification (RFC 8725) pins the algorithm per key
 * (ES256: an HS256 token, whatever its secret, is refused), checks the header's typ, requires every claim, refuses
 * crit, and takes the key only from our own set by kid, never from the token.
 */
public final class AccessTokens {
    static final String HEADER_TYPE = "at+jwt";
    static final String TYPE_CLAIM = "typ";
    static final String ACCESS = "access";
    static final String SESSION_CLAIM = "sid";
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    /** Signatures already checked, by the whole token: a client sends the same token for its next requests. */
    private static final int VERIFIED_CACHE_SIZE = 1024;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private final SigningKeySource signing;
    private final VerificationKeys verifying;
    private final Map<String, Boolean> verified = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > VERIFIED_CACHE_SIZE;
        }
    });
    private final String issuer;
    private final String audience;
    private final Duration lifetime;
    private final Clock clock;

    /**
     * @param signing null in a function that only verifies; otherwise its current key must be one of {@code verifying}
     *                (a deployment whose secret and configuration disagree fails at start, not on every request)
     */
    public AccessTokens(SigningKeySource signing, VerificationKeys verifying, String issuer, String audience, Duration lifetime,
                        Clock clock) {
        this.signing = signing;
        this.verifying = verifying;
        this.issuer = issuer;
        this.audience = audience;
        this.lifetime = lifetime;
        this.clock = clock;
        if (signing != null) {
            requireVerifiable(signing.keys());
        }
    }

    /** Tokens with keys that never change (tests and tools): signed with the current key, verified with the public halves. */
    public AccessTokens(SigningKeys keys, String issuer, String audience, Duration lifetime, Clock clock) {
        this(SigningKeySource.fixed(keys), keys.verificationKeys(), issuer, audience, lifetime, clock);
    }

    /** A function that checks tokens and never issues one. */
    public static AccessTokens verifyingOnly(VerificationKeys keys, String issuer, String audience, Duration lifetime, Clock clock) {
        return new AccessTokens(null, keys, issuer, audience, lifetime, clock);
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** A signed access token and its id and expiry (for revocation on logout). */
    public record Issued(String token, String tokenId, Instant expiresAt) {}

    public Issued issue(String userId, String sessionId) {
        if (signing == null) {
            throw new IllegalStateException("this function only verifies tokens: it has no signing key");
        }
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        String tokenId = UUID.randomUUID().toString();
        SigningKeys.Key key = signing.keys().current();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", Es256.ALGORITHM);
        header.put("typ", HEADER_TYPE);
        header.put("kid", key.kid());
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", audience);
        claims.put("sub", userId);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", expires.getEpochSecond());
        claims.put("jti", tokenId);
        claims.put(TYPE_CLAIM, ACCESS);
        claims.put(SESSION_CLAIM, sessionId);
        String signingInput = base64Url(header) + "." + base64Url(claims);
        byte[] signature = Es256.sign(key.privateKey(), signingInput.getBytes(StandardCharsets.US_ASCII));
        return new Issued(signingInput + "." + BASE64URL.encodeToString(signature), tokenId, expires);
    }

    /**
     * Reads header and claims with our strict JSON mapper (duplicate keys refused) and checks the ES256 signature
     * with the JDK over the token's own bytes.
     */
    public AccessClaims verify(String token) throws InvalidTokenException {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new InvalidTokenException("not a signed JWT");
        }
        Map<String, Object> header = jsonObject(parts[0]);
        Map<String, Object> claims = jsonObject(parts[1]);
        if (!Es256.ALGORITHM.equals(header.get("alg"))) {
            throw new InvalidTokenException("algorithm " + header.get("alg") + " is not accepted");
        }
        if (!HEADER_TYPE.equals(header.get("typ"))) {
            throw new InvalidTokenException("header typ " + header.get("typ") + " is not at+jwt");
        }
        if (header.containsKey("crit")) {
            throw new InvalidTokenException("critical header parameters are not accepted");
        }
        if (header.size() != 3 || !(header.get("kid") instanceof String kid)) {
            throw new InvalidTokenException("the header must be exactly alg, typ and kid");
        }
        PublicKey key = verifying.find(kid).orElseThrow(() -> new InvalidTokenException("signed with an unknown key"));
        if (verified.get(token) == null) {
            byte[] signature;
            try {
                signature = Base64.getUrlDecoder().decode(parts[2]);
            } catch (IllegalArgumentException e) {
                throw new InvalidTokenException("bad signature");
            }
            if (!Es256.verify(key, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), signature)) {
                throw new InvalidTokenException("bad signature");
            }
            verified.put(token, Boolean.TRUE);
        }
        return checkClaims(claims);
    }

    private void requireVerifiable(SigningKeys keys) {
        SigningKeys.Key key = keys.current();
        byte[] probe = ("probe." + key.kid()).getBytes(StandardCharsets.US_ASCII);
        if (verifying.find(key.kid()).filter(k -> Es256.verify(k, probe, Es256.sign(key.privateKey(), probe))).isEmpty()) {
            throw new ConfigurationException("the signing key " + key.kid() + " is not among the configured public keys "
                    + verifying.kids() + " (" + VerificationKeys.ENVIRONMENT + "): tokens it signed would be refused");
        }
    }

    private static String base64Url(Map<String, Object> json) {
        return BASE64URL.encodeToString(Json.write(json).getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonObject(String base64Url) throws InvalidTokenException {
        try {
            if (JsonStreams.read(Base64.getUrlDecoder().decode(base64Url)) instanceof Map<?, ?> value) {
                return (Map<String, Object>) value;
            }
        } catch (IOException | IllegalArgumentException e) {
            // Not base64url or not JSON.
        }
        throw new InvalidTokenException("not a signed JWT");
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
