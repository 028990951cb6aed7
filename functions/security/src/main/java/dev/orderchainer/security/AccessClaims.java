package dev.orderchainer.security;

import java.time.Instant;

/** What a verified access token says: who, which token, which login session, until when. */
public record AccessClaims(String userId, String tokenId, String sessionId, Instant issuedAt, Instant expiresAt) {}
