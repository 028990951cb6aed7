package dev.orderchainer.security;

import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.ApiProblem;
import dev.orderchainer.common.http.HttpRequest;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The one check every authenticated endpoint runs: a Bearer access token that verifies and has
 * not been revoked. Every failure is the same 401 with a WWW-Authenticate challenge.
 */
public final class BearerAuthenticator {
    private static final String PREFIX = "bearer ";
    private final AccessTokens tokens;
    private final RevocationList revocations;
    private final SecurityEvents events;

    public BearerAuthenticator(AccessTokens tokens, RevocationList revocations, SecurityEvents events) {
        this.tokens = tokens;
        this.revocations = revocations;
        this.events = events;
    }

    public AccessClaims authenticate(HttpRequest request) {
        return admitAfterChecking(verify(request));
    }

    /** The token checked but its session not yet: the caller reads the revocation entry with its own item. */
    public PendingSession pending(HttpRequest request) {
        return new PendingSession(verify(request), this);
    }

    /** The revocation read on its own: every request's check, and a pending session's that has no item to read it with. */
    AccessClaims admitAfterChecking(AccessClaims claims) {
        return admit(claims, revocations.isRevoked(claims));
    }

    /** A verified token whose session was (or was not) found revoked: refused, or the request's user. */
    AccessClaims admit(AccessClaims claims, boolean revoked) {
        if (revoked) {
            events.record("revoked_token_use", claims.userId(), "session " + claims.sessionId() + ", jti " + claims.tokenId());
            throw unauthorized("The access token is invalid or expired", true);
        }
        MDC.put(ApiHandler.USER_ID, claims.userId());
        return claims;
    }

    /** Signature, issuer, audience and expiry; no I/O. */
    private AccessClaims verify(HttpRequest request) {
        String header = request.header("authorization").orElse("");
        if (header.length() <= PREFIX.length() || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw unauthorized("A Bearer access token is required", false);
        }
        try {
            return tokens.verify(header.substring(PREFIX.length()).trim());
        } catch (InvalidTokenException e) {
            events.record("invalid_token", null, e.getMessage());
            throw unauthorized("The access token is invalid or expired", true);
        }
    }

    private static ApiProblem unauthorized(String detail, boolean invalidToken) {
        String challenge = invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer";
        return new ApiProblem(401, detail, Map.of(), Map.of("www-authenticate", challenge));
    }
}
