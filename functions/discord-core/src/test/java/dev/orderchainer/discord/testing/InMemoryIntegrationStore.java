package dev.orderchainer.discord.testing;

import dev.orderchainer.common.domain.ChangedBy;
import dev.orderchainer.discord.domain.Integration;
import dev.orderchainer.discord.domain.IntegrationStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Integrations in a map, for rule tests that need no DynamoDB. */
public final class InMemoryIntegrationStore implements IntegrationStore {
    private final Map<String, Integration> byUser = new HashMap<>();

    @Override
    public Optional<Integration> get(String userId) {
        return Optional.ofNullable(byUser.get(userId));
    }

    @Override
    public void put(Integration integration, String changedBy) {
        byUser.put(integration.userId(), integration);
    }

    @Override
    public boolean delete(String userId, ChangedBy deletedBy) {
        return byUser.remove(userId) != null;
    }

    @Override
    public void disable(String userId, String reason) {
        byUser.computeIfPresent(userId, (id, i) -> new Integration(id, i.webhook(), i.username(), i.avatarUrl(), i.notifications(), false,
                reason, i.createdAt(), i.updatedAt()));
    }
}
