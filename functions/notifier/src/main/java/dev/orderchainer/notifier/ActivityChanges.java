package dev.orderchainer.notifier;

import dev.orderchainer.common.domain.SecretTokens;
import dev.orderchainer.common.table.ChangeStamps;
import dev.orderchainer.common.table.TableKeys;
import dev.orderchainer.orders.store.OrderItem;
import dev.orderchainer.workspaces.domain.Activity;
import dev.orderchainer.workspaces.store.WorkspaceItems;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a change of the table means for a workspace's activity log: an order created, edited, moved or deleted; a member
 * who joined, changed role, left or was removed; an invitation sent or revoked; Discord set up, changed or removed; the
 * workspace renamed. The actor is on the images: created_by/updated_by/deleted_by on orders, changed_by elsewhere (the
 * stores put it on an item before deleting it). A change without an actor (a purge, a TTL expiry, an accepted
 * invitation's deletion, Discord disabling a dead webhook) is not activity. The entry's id comes from the stream
 * record's, so a retried batch writes the same entries again, not new ones.
 */
final class ActivityChanges {
    /** An entry still to be named: its summary may name people (an assignee, a member) known only by id so far. */
    record Draft(String id, String workspaceId, Instant at, String actorId, String action, String orderId, Set<String> people,
                 Function<Map<String, String>, String> summary) {
        Activity named(Map<String, String> usernames) {
            String actorName = actorId == null ? Activity.SERVICE : usernames.getOrDefault(actorId, "a former user");
            return new Activity(id, workspaceId, at, actorId, actorName, action, orderId, summary.apply(usernames));
        }
    }

    private ActivityChanges() {}

    /** @param before null for an insert @param after null for a removal */
    static Optional<Draft> of(String eventId, Map<String, AttributeValue> keys, Map<String, AttributeValue> before,
                              Map<String, AttributeValue> after, Instant streamTime) {
        String workspaceId = TableKeys.workspaceOfPartition(keys.get(TableKeys.PK).s());
        String sk = keys.get(TableKeys.SK).s();
        if (workspaceId == null) {
            return Optional.empty();
        }
        Change change = new Change("act_" + SecretTokens.hash(eventId).substring(0, 24), workspaceId, before, after, streamTime);
        if (TableKeys.isOrder(sk)) {
            return OrderActivity.of(change);
        }
        if (sk.startsWith(TableKeys.MEMBER_PREFIX)) {
            return member(change);
        }
        if (sk.startsWith(TableKeys.INVITATION_PREFIX)) {
            return invitation(change);
        }
        if (TableKeys.isDiscordWebhook(sk)) {
            return discord(change);
        }
        if (sk.equals(TableKeys.workspace(workspaceId).get(TableKeys.SK).s()) && before != null && after != null) {
            return renamed(change);
        }
        return Optional.empty();
    }

    /** One change: the entry's id and workspace, both images, when the stream saw it. */
    record Change(String id, String workspaceId, Map<String, AttributeValue> before, Map<String, AttributeValue> after, Instant streamTime) {
        /** An entry at the time the store stamped on the change (changed_at), as precise as the stream's own is not. */
        Draft draft(String actorId, String action, String orderId, Set<String> people, Function<Map<String, String>, String> summary) {
            return draft(at(after != null ? after : before, ChangeStamps.CHANGED_AT), actorId, action, orderId, people, summary);
        }

        /** The time in {@code attribute} of {@code image}; the stream's, to the second, for an item written without it. */
        Instant at(Map<String, AttributeValue> image, String attribute) {
            String at = text(image, attribute);
            return at == null ? streamTime : Instant.parse(at);
        }

        Draft draft(Instant at, String actorId, String action, String orderId, Set<String> people, Function<Map<String, String>, String> summary) {
            return new Draft(id, workspaceId, at, actorId, action, orderId, people, summary);
        }
    }

    private static Optional<Draft> member(Change change) {
        Map<String, AttributeValue> image = change.after() != null ? change.after() : change.before();
        String userId = text(image, WorkspaceItems.USER_ID);
        String username = text(image, "username");
        String role = text(image, WorkspaceItems.ROLE);
        if (change.before() == null) {
            return Optional.of(change.draft(change.at(image, "joined_at"), userId, "member.joined", null, Set.of(),
                    names -> username + " joined as " + role));
        }
        String by = text(image, ChangeStamps.CHANGED_BY);
        if (change.after() == null) {
            if (by == null) {
                return Optional.empty();
            }
            return Optional.of(by.equals(userId) ? change.draft(by, "member.left", null, Set.of(), names -> username + " left")
                    : change.draft(by, "member.removed", null, Set.of(), names -> "removed " + username));
        }
        String was = text(change.before(), WorkspaceItems.ROLE);
        if (by == null || Objects.equals(was, role)) {
            return Optional.empty();
        }
        return Optional.of(change.draft(by, "member.role_changed", null, Set.of(),
                names -> "changed " + username + "'s role from " + was + " to " + role));
    }

    private static Optional<Draft> invitation(Change change) {
        if (change.before() == null && change.after() != null) {
            String email = text(change.after(), "email");
            String role = text(change.after(), WorkspaceItems.ROLE);
            return Optional.of(change.draft(change.at(change.after(), "created_at"), text(change.after(), "invited_by"), "invitation.created",
                    null, Set.of(),
                    names -> "invited " + email + " as " + role));
        }
        if (change.after() == null && text(change.before(), ChangeStamps.CHANGED_BY) != null) {
            String email = text(change.before(), "email");
            return Optional.of(change.draft(text(change.before(), ChangeStamps.CHANGED_BY), "invitation.revoked", null, Set.of(),
                    names -> "revoked the invitation of " + email));
        }
        return Optional.empty();
    }

    private static Optional<Draft> discord(Change change) {
        Map<String, AttributeValue> image = change.after() != null ? change.after() : change.before();
        String by = text(image, ChangeStamps.CHANGED_BY);
        boolean changed = change.before() == null || change.after() == null
                || !Objects.equals(text(change.before(), "updated_at"), text(change.after(), "updated_at"));
        if (by == null || !changed) {
            return Optional.empty();
        }
        // A webhook with a name (every one since a workspace may have several) is named; the one of before is not.
        String name = text(image, "name");
        String what = name == null
                ? change.before() == null ? "set up Discord notifications" : change.after() == null ? "removed Discord notifications"
                : "changed the Discord settings"
                : (change.before() == null ? "added the Discord webhook “" : change.after() == null ? "removed the Discord webhook “"
                : "changed the Discord webhook “") + name + "”";
        return Optional.of(change.draft(by, "discord.changed", null, Set.of(), names -> what));
    }

    private static Optional<Draft> renamed(Change change) {
        String was = text(change.before(), WorkspaceItems.NAME);
        String name = text(change.after(), WorkspaceItems.NAME);
        String by = text(change.after(), ChangeStamps.CHANGED_BY);
        if (by == null || Objects.equals(was, name)) {
            return Optional.empty();
        }
        return Optional.of(change.draft(by, "workspace.renamed", null, Set.of(), names -> "renamed the workspace from “" + was + "” to “"
                + name + "”"));
    }

    static String text(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image == null ? null : image.get(name);
        return value == null ? null : value.s();
    }

    /** Orders: who made, edited, moved or deleted one, from its own images. */
    static final class OrderActivity {
        private OrderActivity() {}

        static Optional<Draft> of(Change change) {
            Map<String, AttributeValue> before = change.before();
            Map<String, AttributeValue> after = change.after();
            if (before == null) {
                return Optional.of(change.draft(change.at(after, OrderItem.CREATED_AT), actor(after, OrderItem.CREATED_BY, change),
                        "order.created", text(after, OrderItem.ID), Set.of(), names -> "created " + quoted(after)));
            }
            if (after == null) {
                String by = text(before, OrderItem.DELETED_BY);
                return by == null ? Optional.empty() : Optional.of(change.draft(change.at(before, OrderItem.DELETED_AT), by,
                        "order.deleted", text(before, OrderItem.ID), Set.of(), names -> "deleted " + quoted(before)));
            }
            if (Objects.equals(number(before, OrderItem.VERSION), number(after, OrderItem.VERSION))) {
                // Marks the workflow keeps (blocked by a failure, dependents, the deletion's time): no edit of anyone's.
                return Optional.empty();
            }
            return Optional.of(edited(change));
        }

        private static Draft edited(Change change) {
            Map<String, AttributeValue> before = change.before();
            Map<String, AttributeValue> after = change.after();
            Instant at = change.at(after, OrderItem.UPDATED_AT);
            String orderId = text(after, OrderItem.ID);
            String actor = actor(after, OrderItem.UPDATED_BY, change);
            String wasStatus = text(before, OrderItem.STATUS);
            String status = text(after, OrderItem.STATUS);
            if (!Objects.equals(wasStatus, status)) {
                return change.draft(at, actor, "order.status_changed", orderId, Set.of(),
                        names -> "moved " + quoted(after) + " from " + wasStatus + " to " + status);
            }
            List<String> fields = new ArrayList<>();
            for (String field : List.of(OrderItem.TITLE, OrderItem.DESCRIPTION, OrderItem.DEPENDENCIES, OrderItem.ASSIGNEE)) {
                if (!Objects.equals(before.get(field), after.get(field))) {
                    fields.add(field);
                }
            }
            String assignee = text(after, OrderItem.ASSIGNEE);
            if (fields.equals(List.of(OrderItem.ASSIGNEE))) {
                String left = text(before, OrderItem.ASSIGNEE);
                if (assignee == null && actor == null) {
                    // Unassigned because its assignee left the workspace: the service's change.
                    return change.draft(at, null, "order.updated", orderId, Set.of(left),
                            names -> "unassigned " + quoted(after) + " (" + names.getOrDefault(left, "its assignee") + " left the workspace)");
                }
                return assignee == null ? change.draft(at, actor, "order.updated", orderId, Set.of(), names -> "unassigned " + quoted(after))
                        : change.draft(at, actor, "order.updated", orderId, Set.of(assignee),
                                names -> "assigned " + quoted(after) + " to " + names.getOrDefault(assignee, "a former member"));
            }
            return change.draft(at, actor, "order.updated", orderId, Set.of(),
                    names -> "changed the " + String.join(", ", fields) + " of " + quoted(after));
        }

        /** The user who made the change; null (the service) for a team workspace's own id, as the workflow's moves carry. */
        private static String actor(Map<String, AttributeValue> image, String attribute, Change change) {
            String actor = text(image, attribute);
            if (actor == null) {
                return TableKeys.isTeamWorkspace(change.workspaceId()) ? null : change.workspaceId();
            }
            return TableKeys.isTeamWorkspace(actor) ? null : actor;
        }

        private static String number(Map<String, AttributeValue> image, String attribute) {
            AttributeValue value = image.get(attribute);
            return value == null ? null : value.n();
        }

        private static String quoted(Map<String, AttributeValue> image) {
            return "“" + text(image, OrderItem.TITLE) + "”";
        }
    }
}
