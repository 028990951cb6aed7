package dev.orderchainer.workspaces.domain;

import java.time.Instant;

/** An invitation to join a workspace with a role, for one email address; only its token's hash is kept. */
public record Invitation(String id, String workspaceId, String email, Role role, String invitedBy, Instant createdAt,
                         Instant expiresAt, String tokenHash) {
    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
