package dev.orderchainer.discord.domain;

import java.util.Optional;

/** One integration per user. */
public interface IntegrationStore {
    Optional<Integration> get(String userId);

    void put(Integration integration);

    /** @return false when there was none */
    boolean delete(String userId);

    /** Marks the integration unusable (Discord said the webhook is gone), keeping why. */
    void disable(String userId, String reason);
}
