package dev.orderchainer.workspaces.domain;

import java.time.Instant;

/** What a workspace needs to know of a user account. */
public record Account(String userId, String username, String email, boolean emailVerified, Instant createdAt) {}
