package dev.orderchainer.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
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

    public AccessClaims verify(String token) throws InvalidTokenException {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException | RuntimeException e) {
            throw new InvalidTokenException("not a signed JWT");
        }
        JWSHeader header = jwt.getHeader();
        if (!JWSAlgorithm.HS256.equals(header.getAlgorithm())) {
            throw new InvalidTokenException("algorithm " + header.getAlgorithm() + " is not accepted");
        }
        if (!HEADER_TYPE.equals(header.getType())) {
            throw new InvalidTokenException("header typ " + header.getType() + " is not at+jwt");
        }
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            throw new InvalidTokenException("critical header parameters are not accepted");
        }
        try {
            if (!jwt.verify(verifier)) {
                throw new InvalidTokenException("bad signature");
            }
        } catch (JOSEException e) {
            throw new InvalidTokenException("signature cannot be verified");
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new InvalidTokenException("claims are not valid JSON");
        }
        return checkClaims(claims);
    }

    private AccessClaims checkClaims(JWTClaimsSet claims) throws InvalidTokenException {
        Instant now = clock.instant();
        if (!issuer.equals(claims.getIssuer())) {
            throw new InvalidTokenException("wrong issuer");
        }
        List<String> audiences = claims.getAudience();
        if (audiences == null || !audiences.contains(audience)) {
            throw new InvalidTokenException("wrong audience");
        }
        Object type;
        Object session;
        try {
            type = claims.getStringClaim(TYPE_CLAIM);
            session = claims.getStringClaim(SESSION_CLAIM);
        } catch (ParseException e) {
            throw new InvalidTokenException("typ or sid is not a string");
        }
        if (!ACCESS.equals(type)) {
            throw new InvalidTokenException("token type " + type + " is not an access token");
        }
        String subject = claims.getSubject();
        String tokenId = claims.getJWTID();
        Date issued = claims.getIssueTime();
        Date expires = claims.getExpirationTime();
        if (subject == null || subject.isBlank() || tokenId == null || tokenId.isBlank() || issued == null
                || expires == null || session == null) {
            throw new InvalidTokenException("a required claim (sub, jti, iat, exp, sid) is missing");
        }
        if (!expires.toInstant().isAfter(now.minus(CLOCK_SKEW))) {
            throw new InvalidTokenException("expired");
        }
        if (issued.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidTokenException("issued in the future");
        }
        return new AccessClaims(subject, tokenId, (String) session, issued.toInstant(), expires.toInstant());
    }
}
