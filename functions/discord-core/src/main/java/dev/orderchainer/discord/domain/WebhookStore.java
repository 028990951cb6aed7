package dev.orderchainer.discord.domain;

import dev.orderchainer.common.domain.ChangedBy;
import java.util.List;
import java.util.Optional;

/** A workspace's Discord webhooks. */
public interface WebhookStore {
    /** Every webhook of the workspace, the first (oldest) first. */
    List<Webhook> list(String workspaceId);

    Optional<Webhook> get(String workspaceId, String webhookId);

    /** The workspace's first webhook (the oldest): read at its own key, only if it is gone among all. */
    Optional<Webhook> first(String workspaceId);

    /**
     * Adds a new webhook if the workspace's webhooks are still {@code seen} (as listed before the caller checked the
     * limit), as {@code changedBy} set it up.
     *
     * @throws WebhooksChangedException when another was added or removed meanwhile
     */
    void add(Webhook webhook, List<Webhook> seen, String changedBy);

    /** Stores an existing webhook as {@code changedBy} changed it (the activity log's actor), at its updated_at. */
    void put(Webhook webhook, String changedBy);

    /** Seeds a webhook nobody set up through the API (tests, benchmarks): the activity log shows nothing for it. */
    void seed(Webhook webhook);

    /** Removes it, {@code deletedBy} on its last image; @return false when it was gone already */
    boolean delete(Webhook webhook, ChangedBy deletedBy);

    /** Marks the webhook unusable (Discord said it is gone), keeping why; nothing if it was removed meanwhile. */
    void disable(Webhook webhook, String reason);
}
