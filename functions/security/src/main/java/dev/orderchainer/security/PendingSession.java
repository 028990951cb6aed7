package dev.orderchainer.security;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An access token whose signature, issuer, audience and expiry are checked while its session's
 * revocation is still to be read: a single-item read fetches {@link #revocationKey()} in the same
 * consistent round trip and passes what it found to {@link #admit}, before anything read is answered.
 */
public final class PendingSession {
    private final AccessClaims claims;
    private final BearerAuthenticator authenticator;

    PendingSession(AccessClaims claims, BearerAuthenticator authenticator) {
        this.claims = claims;
        this.authenticator = authenticator;
    }

    /** The token's user, for the key of the item to read; not yet admitted. */
    public String userId() {
        return claims.userId();
    }

    /** The session's revocation entry, to read together with the request's item. */
    public Map<String, AttributeValue> revocationKey() {
        return DynamoDbRevocationList.key(claims.sessionId());
    }

    /** When there is no item to read (an id no item can have): reads the revocation entry alone, then as {@link #admit(boolean)}. */
    public AccessClaims admit() {
        return authenticator.admitAfterChecking(claims);
    }

    /** Refuses the request (401) if the entry existed; otherwise the claims of an admitted request. */
    public AccessClaims admit(boolean revocationEntryExists) {
        return authenticator.admit(claims, revocationEntryExists);
    }
}
