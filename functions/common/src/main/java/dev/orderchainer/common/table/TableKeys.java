package dev.orderchainer.common.table;

import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The single table's keys, every kind of item in one place (template.yaml defines the table: pk/sk
 * and the status index gsi1pk/gsi1sk). A workspace's items share one partition, so one query reads
 * all of its orders: the personal workspace's is the user's own, USER#{user id} (today's data, never
 * moved), a team workspace's WS#{workspace id}. Orders, the graph version and the Discord settings are
 * keyed by their workspace's id either way ({@link #workspacePartition}). Lookups by something else
 * (email, token hash, event id) have partitions of their own.
 */
public final class TableKeys {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String STATUS_INDEX = "gsi1";
    public static final String STATUS_INDEX_PK = "gsi1pk";
    public static final String STATUS_INDEX_SK = "gsi1sk";
    /** The sort-key prefix of order items: {@code begins_with(sk, ORDER#)} reads a user's orders. */
    public static final String ORDER_PREFIX = "ORDER#";

    private TableKeys() {}

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }

    /** Team workspace ids start so (a user id, the personal workspace's id, is a UUID and never does). */
    public static final String TEAM_WORKSPACE_ID_PREFIX = "ws_";
    /** The sort-key prefix of a team workspace's member items. */
    public static final String MEMBER_PREFIX = "MEMBER#";
    /** The sort-key prefix of a team workspace's pending invitations. */
    public static final String INVITATION_PREFIX = "INVITATION#";
    /** The sort-key prefix of the items listing a user's team workspaces in the user's partition. */
    public static final String MEMBERSHIP_PREFIX = "WORKSPACE#";
    private static final String USER_PARTITION_PREFIX = "USER#";
    private static final String TEAM_PARTITION_PREFIX = "WS#";

    /** The partition of a user's own items: profile, memberships, and the personal workspace. */
    public static String userPartition(String userId) {
        return USER_PARTITION_PREFIX + userId;
    }

    /** Whether {@code workspaceId} names a team's workspace (else it is a user's id: the personal workspace, or no workspace). */
    public static boolean isTeamWorkspace(String workspaceId) {
        return workspaceId != null && workspaceId.startsWith(TEAM_WORKSPACE_ID_PREFIX);
    }

    /** The partition of a workspace's orders, graph and settings: a team's own, or the user's for the personal one. */
    public static String workspacePartition(String workspaceId) {
        return isTeamWorkspace(workspaceId) ? TEAM_PARTITION_PREFIX + workspaceId : userPartition(workspaceId);
    }

    /** The workspace a partition key holds (the inverse of {@link #workspacePartition}), or null for partitions of no workspace. */
    public static String workspaceOfPartition(String pk) {
        if (pk.startsWith(TEAM_PARTITION_PREFIX + TEAM_WORKSPACE_ID_PREFIX)) {
            return pk.substring(TEAM_PARTITION_PREFIX.length());
        }
        return pk.startsWith(USER_PARTITION_PREFIX) ? pk.substring(USER_PARTITION_PREFIX.length()) : null;
    }

    /** A team workspace's own item: name, member and owner counts. */
    public static Map<String, AttributeValue> workspace(String workspaceId) {
        return key(workspacePartition(workspaceId), "WORKSPACE");
    }

    /** A member of a team workspace, with its role: read on every request to that workspace. */
    public static Map<String, AttributeValue> member(String workspaceId, String userId) {
        return key(workspacePartition(workspaceId), MEMBER_PREFIX + userId);
    }

    /** A pending invitation to a team workspace (TTL: gone some time after it expires). */
    public static Map<String, AttributeValue> invitation(String workspaceId, String invitationId) {
        return key(workspacePartition(workspaceId), INVITATION_PREFIX + invitationId);
    }

    /** That the user belongs to a team workspace, in the user's partition, for listing the user's workspaces. */
    public static Map<String, AttributeValue> membership(String userId, String workspaceId) {
        return key(userPartition(userId), MEMBERSHIP_PREFIX + workspaceId);
    }

    /**
     * The web app's base URL (for links in mail and Discord messages), in a partition of the stack's own: the
     * stack's AppUrl resource writes it once the CloudFront distribution exists.
     */
    public static Map<String, AttributeValue> appUrl() {
        return key("STACK", "APP_URL");
    }

    public static Map<String, AttributeValue> profile(String userId) {
        return key(userPartition(userId), "PROFILE");
    }

    /** An order of a workspace (the "user id" of an order is its workspace's id). */
    public static Map<String, AttributeValue> order(String workspaceId, String orderId) {
        return key(workspacePartition(workspaceId), ORDER_PREFIX + orderId);
    }

    /** Whether a sort key is an order item's. */
    public static boolean isOrder(String sortKey) {
        return sortKey != null && sortKey.startsWith(ORDER_PREFIX);
    }

    /** The workspace's graph version, bumped by every edge change. */
    public static Map<String, AttributeValue> graph(String workspaceId) {
        return key(workspacePartition(workspaceId), "GRAPH");
    }

    /**
     * The id of the webhook a workspace had before it could have several, whose item has none stored: its outbox and
     * delivery records keep their keys of then, so nothing waiting moves.
     */
    public static final String ORIGINAL_WEBHOOK_ID = "wh_original";
    private static final String DISCORD_WEBHOOK_SK = "DISCORD";
    /** Sort keys of a workspace's webhooks lie from here (the first's) ... */
    public static final String DISCORD_WEBHOOKS_FROM = DISCORD_WEBHOOK_SK;
    /** ... to here: {@code sk BETWEEN DISCORD AND DISCORD$} reads them all and nothing else that starts with DISCORD. */
    public static final String DISCORD_WEBHOOKS_TO = DISCORD_WEBHOOK_SK + "$";

    /**
     * A workspace's first webhook (the one added while it had none, the oldest), at a key of its own so that
     * {@code /api/discord} reads it with the caller's session in one round trip; it holds its id as an attribute.
     */
    public static Map<String, AttributeValue> discordFirstWebhook(String workspaceId) {
        return key(workspacePartition(workspaceId), DISCORD_WEBHOOK_SK);
    }

    /** Any other of a workspace's webhooks. */
    public static Map<String, AttributeValue> discordWebhook(String workspaceId, String webhookId) {
        return key(workspacePartition(workspaceId), DISCORD_WEBHOOK_SK + "#" + webhookId);
    }

    /** Whether a sort key is a Discord webhook's. */
    public static boolean isDiscordWebhook(String sortKey) {
        return sortKey != null && (sortKey.equals(DISCORD_WEBHOOK_SK) || sortKey.startsWith(DISCORD_WEBHOOK_SK + "#"));
    }

    /**
     * How many webhooks a workspace has besides its first (an add's condition, so two at once cannot pass the limit); its
     * sort key lies outside the webhooks' range.
     */
    public static Map<String, AttributeValue> discordWebhookCount(String workspaceId) {
        return key(workspacePartition(workspaceId), "DISCORD_WEBHOOKS");
    }

    private static String webhookSuffixed(String base, String webhookId) {
        return ORIGINAL_WEBHOOK_ID.equals(webhookId) ? base : base + "#" + webhookId;
    }

    /** A workspace's activity log, newest last by sort key ({millis}#{id}); TTL 90 days. */
    public static String activityPartition(String workspaceId) {
        return "ACTIVITY#" + workspaceId;
    }

    /** The status index's partition of one order's activity entries (the index's sort key is the entry's). */
    public static String orderActivityPartition(String workspaceId, String orderId) {
        return "ACTIVITY#" + workspaceId + "#" + orderId;
    }

    /** The status index's partition of a user's orders in one status (the status as on the wire). */
    public static String statusPartition(String userId, String status) {
        return "ORDERS#" + userId + "#" + status;
    }

    /** Marks an email address taken (case-insensitive). */
    public static Map<String, AttributeValue> emailMarker(String email) {
        return key("EMAIL#" + email.toLowerCase(Locale.ROOT), "EMAIL");
    }

    /** Marks a username taken (case-insensitive). */
    public static Map<String, AttributeValue> usernameMarker(String username) {
        return key("USERNAME#" + username.toLowerCase(Locale.ROOT), "USERNAME");
    }

    public static Map<String, AttributeValue> sessionFamily(String familyId) {
        return key("FAMILY#" + familyId, "FAMILY");
    }

    public static Map<String, AttributeValue> refreshToken(String hash) {
        return key("REFRESH#" + hash, "REFRESH");
    }

    public static Map<String, AttributeValue> verificationToken(String hash) {
        return key("VERIFY#" + hash, "VERIFY");
    }

    public static Map<String, AttributeValue> revokedSession(String sessionId) {
        return key("REVOKED#" + sessionId, "SESSION");
    }

    /** One fixed window of a rate limit. */
    public static Map<String, AttributeValue> rateWindow(String scope, String key, long windowStart) {
        return key("RATE#" + scope + "#" + key, Long.toString(windowStart));
    }

    /** The record that an event reached one webhook (or is being sent to it). */
    public static Map<String, AttributeValue> delivery(String eventId, String webhookId) {
        return key("EVENT#" + eventId, webhookSuffixed(DISCORD_WEBHOOK_SK, webhookId));
    }

    /** A webhook's Discord outbox: events waiting for its paced sender, in queue order. */
    public static String outboxPartition(String workspaceId, String webhookId) {
        return webhookSuffixed("OUTBOX#" + workspaceId, webhookId);
    }

    /** Sort keys of outbox entries start so; the rest is the entry's position in queue order. */
    public static final String OUTBOX_ENTRY_PREFIX = "EVENT#";

    public static Map<String, AttributeValue> outboxEntry(String workspaceId, String webhookId, String position) {
        return key(outboxPartition(workspaceId, webhookId), OUTBOX_ENTRY_PREFIX + position);
    }

    /** The queue position an outbox entry item was stored under. */
    public static String outboxPosition(Map<String, AttributeValue> item) {
        return item.get(SK).s().substring(OUTBOX_ENTRY_PREFIX.length());
    }

    /** The lease of the one sender draining a webhook's outbox. */
    public static Map<String, AttributeValue> outboxSender(String workspaceId, String webhookId) {
        return key(outboxPartition(workspaceId, webhookId), "SENDER");
    }
}
