package dev.orderchainer.workspaces.domain;

import java.time.Instant;

/** A workspace as stored: a team's, or the personal one every user has (whose id is the user's). */
public record Workspace(String id, String name, boolean personal, int memberCount, Instant createdAt) {
    /** The name a personal workspace shows; it cannot be renamed. */
    public static final String PERSONAL_NAME = "Personal";

    public static Workspace personal(Account owner) {
        return new Workspace(owner.userId(), PERSONAL_NAME, true, 1, owner.createdAt());
    }
}
