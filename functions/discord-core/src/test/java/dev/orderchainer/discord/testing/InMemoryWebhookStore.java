package dev.orderchainer.discord.testing;

import dev.orderchainer.common.domain.ChangedBy;
import dev.orderchainer.discord.domain.Webhook;
import dev.orderchainer.discord.domain.WebhookStore;
import dev.orderchainer.discord.domain.WebhooksChangedException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Webhooks in a map, for rule tests that need no DynamoDB; an add checks what was seen as the table's condition does. */
public final class InMemoryWebhookStore implements WebhookStore {
    private final Map<String, Webhook> byKey = new LinkedHashMap<>();

    private static String key(String workspaceId, String webhookId) {
        return workspaceId + "/" + webhookId;
    }

    @Override
    public List<Webhook> list(String workspaceId) {
        List<Webhook> found = new ArrayList<>(byKey.values().stream().filter(w -> w.workspaceId().equals(workspaceId)).toList());
        found.sort(Comparator.comparing((Webhook w) -> !w.first()).thenComparing(Webhook::createdAt).thenComparing(Webhook::id));
        return found;
    }

    @Override
    public Optional<Webhook> get(String workspaceId, String webhookId) {
        return Optional.ofNullable(byKey.get(key(workspaceId, webhookId)));
    }

    @Override
    public Optional<Webhook> first(String workspaceId) {
        return list(workspaceId).stream().findFirst();
    }

    @Override
    public void add(Webhook webhook, List<Webhook> seen, String changedBy) {
        if (!list(webhook.workspaceId()).equals(seen)) {
            throw new WebhooksChangedException();
        }
        seed(webhook);
    }

    @Override
    public void put(Webhook webhook, String changedBy) {
        seed(webhook);
    }

    @Override
    public void seed(Webhook webhook) {
        byKey.put(key(webhook.workspaceId(), webhook.id()), webhook);
    }

    @Override
    public boolean delete(Webhook webhook, ChangedBy deletedBy) {
        return byKey.remove(key(webhook.workspaceId(), webhook.id())) != null;
    }

    @Override
    public void disable(Webhook webhook, String reason) {
        byKey.computeIfPresent(key(webhook.workspaceId(), webhook.id()), (k, w) -> w.disabled(reason));
    }
}
