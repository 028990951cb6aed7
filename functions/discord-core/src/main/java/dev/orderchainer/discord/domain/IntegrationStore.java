package dev.orderchainer.discord.domain;

import dev.orderchainer.common.domain.ChangedBy;
import java.util.Optional;

/** One integration per user. */
public interface IntegrationStore {
    Optional<Integration> get(String userId);

    /** Stores the integration as {@code changedBy} set it up or changed it (the activity log's actor), at its updated_at. */
    void put(Integration integration, String changedBy);

    /** Seeds an integration nobody set up through the API (tests, benchmarks): the activity log shows nothing for it. */
    default void put(Integration integration) {
        put(integration, null);
    }

    /** Removes it, {@code deletedBy} on its last image; @return false when there was none */
    boolean delete(String userId, ChangedBy deletedBy);

    /** Marks the integration unusable (Discord said the webhook is gone), keeping why. */
    void disable(String userId, String reason);
}
