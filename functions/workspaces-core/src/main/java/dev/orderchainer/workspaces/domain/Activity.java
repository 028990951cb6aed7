package dev.orderchainer.workspaces.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * One entry of a workspace's activity log: who did what when, about which order if any. The actor is null for what the
 * service did by itself (an order started when its dependencies completed, unassigned when its assignee left).
 */
public record Activity(String id, String workspaceId, Instant at, String actorId, String actorUsername, String action, String orderId,
                       String summary) {
    /** How long entries are kept (the table's TTL removes them). */
    public static final Duration KEPT = Duration.ofDays(90);
    /** The actor's name for what the service did by itself. */
    public static final String SERVICE = "OrderChainer";
}
