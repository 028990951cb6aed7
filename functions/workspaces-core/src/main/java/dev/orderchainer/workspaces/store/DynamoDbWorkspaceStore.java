package dev.orderchainer.workspaces.store;

import static dev.orderchainer.workspaces.store.WorkspaceItems.n;
import static dev.orderchainer.workspaces.store.WorkspaceItems.s;

import dev.orderchainer.common.domain.ChangedBy;
import dev.orderchainer.common.table.BatchWrites;
import dev.orderchainer.common.table.ChangeStamps;
import dev.orderchainer.common.table.ConsistentBatchGet;
import dev.orderchainer.common.table.TableKeys;
import dev.orderchainer.workspaces.domain.Invitation;
import dev.orderchainer.workspaces.domain.Member;
import dev.orderchainer.workspaces.domain.Membership;
import dev.orderchainer.workspaces.domain.Role;
import dev.orderchainer.workspaces.domain.Workspace;
import dev.orderchainer.workspaces.domain.WorkspaceStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Workspaces as WS#{id}/WORKSPACE items (name, member and owner counts), members as WS#{id}/MEMBER#{user}
 * (role, username), and USER#{user}/WORKSPACE#{id} items listing a user's workspaces. A member and its
 * listing item are written and removed together, with the counts, in one transaction.
 */
public final class DynamoDbWorkspaceStore implements WorkspaceStore {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbWorkspaceStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<Workspace> workspace(String workspaceId) {
        return read(TableKeys.workspace(workspaceId)).map(WorkspaceItems::workspace);
    }

    @Override
    public Optional<Member> member(String workspaceId, String userId) {
        return read(TableKeys.member(workspaceId, userId)).map(WorkspaceItems::member);
    }

    private Optional<Map<String, AttributeValue>> read(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    @Override
    public List<Member> members(String workspaceId) {
        List<Member> members = new ArrayList<>();
        eachItem(TableKeys.workspacePartition(workspaceId), TableKeys.MEMBER_PREFIX, item -> members.add(WorkspaceItems.member(item)));
        members.sort(Comparator.comparing(Member::joinedAt).thenComparing(Member::userId));
        return members;
    }

    @Override
    public int membershipCount(String userId) {
        int count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(q -> q.tableName(table).consistentRead(true).select(Select.COUNT).exclusiveStartKey(from)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s(TableKeys.userPartition(userId)), ":prefix", s(TableKeys.MEMBERSHIP_PREFIX))));
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    @Override
    public List<Membership> membershipsOf(String userId) {
        List<String> ids = new ArrayList<>();
        eachItem(TableKeys.userPartition(userId), TableKeys.MEMBERSHIP_PREFIX, item -> ids.add(item.get(WorkspaceItems.WORKSPACE_ID).s()));
        List<Membership> memberships = new ArrayList<>();
        int perRead = ConsistentBatchGet.MAX_KEYS / 2;
        for (int from = 0; from < ids.size(); from += perRead) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + perRead));
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            chunk.forEach(id -> {
                keys.add(TableKeys.workspace(id));
                keys.add(TableKeys.member(id, userId));
            });
            ConsistentBatchGet.FoundItems found = ConsistentBatchGet.together(dynamoDb, table, keys);
            for (String id : chunk) {
                Map<String, AttributeValue> workspace = found.item(TableKeys.workspace(id));
                Map<String, AttributeValue> member = found.item(TableKeys.member(id, userId));
                // A listing item whose workspace was just deleted (or whose member was just removed) is no membership.
                if (workspace != null && member != null) {
                    memberships.add(new Membership(WorkspaceItems.workspace(workspace), WorkspaceItems.member(member).role()));
                }
            }
        }
        return memberships;
    }

    @Override
    public void create(Workspace workspace, Member owner) {
        transact(List.of(
                TransactWriteItem.builder().put(p -> p.tableName(table).item(WorkspaceItems.workspace(workspace, 1))
                        .conditionExpression("attribute_not_exists(pk)")).build(),
                TransactWriteItem.builder().put(p -> p.tableName(table).item(WorkspaceItems.member(owner))).build(),
                TransactWriteItem.builder().put(p -> p.tableName(table).item(WorkspaceItems.membership(owner))).build()), -1);
    }

    @Override
    public void add(Member member, int maxMembers) {
        joining(member, maxMembers, List.of());
    }

    @Override
    public void join(Invitation invitation, Member member, int maxMembers, Instant now) {
        TransactWriteItem useUp = TransactWriteItem.builder().delete(d -> d.tableName(table)
                .key(TableKeys.invitation(invitation.workspaceId(), invitation.id()))
                .conditionExpression("token_hash = :hash AND valid_until > :now")
                .expressionAttributeValues(Map.of(":hash", s(invitation.tokenHash()), ":now", s(now.toString())))).build();
        joining(member, maxMembers, List.of(useUp));
    }

    /** Adds the member with its listing item and the counts, and whatever else must hold with it ({@code alongside}, first). */
    private void joining(Member member, int maxMembers, List<TransactWriteItem> alongside) {
        boolean owner = member.role() == Role.OWNER;
        List<TransactWriteItem> writes = new ArrayList<>(alongside);
        int first = writes.size();
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(WorkspaceItems.member(member))
                .conditionExpression("attribute_not_exists(pk)")).build());
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(WorkspaceItems.membership(member))).build());
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(TableKeys.workspace(member.workspaceId()))
                .updateExpression("ADD #members :one, #owners :owners").conditionExpression("attribute_exists(pk) AND #members < :max")
                .expressionAttributeNames(Map.of("#members", WorkspaceItems.MEMBER_COUNT, "#owners", WorkspaceItems.OWNER_COUNT))
                .expressionAttributeValues(Map.of(":one", n(1), ":owners", n(owner ? 1 : 0), ":max", n(maxMembers)))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build());
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(writes));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            if (reasons.size() != writes.size()) {
                throw new ConcurrentChangeException("transaction cancelled: " + reasons);
            }
            if (first > 0 && failed(reasons.get(0))) {
                throw new InvitationGoneException();
            }
            CancellationReason count = reasons.get(first + 2);
            // The workspace's item came back: it exists, so its count was the condition that failed.
            if (failed(count) && count.hasItem() && !count.item().isEmpty() && !failed(reasons.get(first))) {
                throw new WorkspaceFullException();
            }
            throw new ConcurrentChangeException("member exists: " + reasons.stream().map(r -> String.valueOf(r.code())).toList());
        }
    }

    private static boolean failed(CancellationReason reason) {
        return "ConditionalCheckFailed".equals(reason.code());
    }

    @Override
    public List<Invitation> invitations(String workspaceId) {
        List<Invitation> invitations = new ArrayList<>();
        eachItem(TableKeys.workspacePartition(workspaceId), TableKeys.INVITATION_PREFIX, item -> invitations.add(WorkspaceItems.invitation(item)));
        return invitations;
    }

    @Override
    public Optional<Invitation> invitation(String workspaceId, String invitationId) {
        return read(TableKeys.invitation(workspaceId, invitationId)).map(WorkspaceItems::invitation);
    }

    @Override
    public void invite(Invitation invitation) {
        dynamoDb.putItem(p -> p.tableName(table).item(WorkspaceItems.invitation(invitation)).conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public void withdraw(Invitation invitation) {
        dynamoDb.deleteItem(d -> d.tableName(table).key(TableKeys.invitation(invitation.workspaceId(), invitation.id())));
    }

    @Override
    public void revoke(Invitation invitation, ChangedBy revokedBy) {
        Map<String, AttributeValue> key = TableKeys.invitation(invitation.workspaceId(), invitation.id());
        try {
            // The stream's REMOVE record carries only the last image: who revoked goes on the item first.
            dynamoDb.updateItem(u -> u.tableName(table).key(key).updateExpression(ChangeStamps.SET)
                    .conditionExpression("token_hash = :hash").expressionAttributeNames(ChangeStamps.names(Map.of()))
                    .expressionAttributeValues(ChangeStamps.values(revokedBy, Map.of(":hash", s(invitation.tokenHash())))));
            dynamoDb.deleteItem(d -> d.tableName(table).key(key).conditionExpression("token_hash = :hash")
                    .expressionAttributeValues(Map.of(":hash", s(invitation.tokenHash()))));
        } catch (ConditionalCheckFailedException gone) {
            throw new ConcurrentChangeException("invitation used or revoked");
        }
    }

    @Override
    public Workspace rename(String workspaceId, String name, ChangedBy renamedBy) {
        try {
            return WorkspaceItems.workspace(dynamoDb.updateItem(u -> u.tableName(table).key(TableKeys.workspace(workspaceId))
                    .updateExpression(ChangeStamps.SET + ", #name = :name").conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(ChangeStamps.names(Map.of("#name", WorkspaceItems.NAME)))
                    .expressionAttributeValues(ChangeStamps.values(renamedBy, Map.of(":name", s(name))))
                    .returnValues(ReturnValue.ALL_NEW)).attributes());
        } catch (ConditionalCheckFailedException gone) {
            throw new ConcurrentChangeException("workspace deleted");
        }
    }

    @Override
    public void delete(Workspace workspace, List<Member> members) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(TableKeys.workspace(workspace.id()))
                .conditionExpression("#members = :members").expressionAttributeNames(Map.of("#members", WorkspaceItems.MEMBER_COUNT))
                .expressionAttributeValues(Map.of(":members", n(members.size())))).build());
        // Discord goes with the workspace (its webhooks, at most 10, and their count), so nothing the purge removes is announced anywhere.
        eachItem(TableKeys.workspacePartition(workspace.id()), TableKeys.DISCORD_WEBHOOKS_FROM, item -> writes.add(TransactWriteItem.builder()
                .delete(d -> d.tableName(table).key(TableKeys.key(item.get(TableKeys.PK).s(), item.get(TableKeys.SK).s()))).build()));
        for (Member member : members) {
            writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(TableKeys.member(workspace.id(), member.userId())))
                    .build());
        }
        transact(writes, -1);
        batchDelete(members.stream().map(m -> TableKeys.membership(m.userId(), workspace.id())).toList());
    }

    @Override
    public void purge(String workspaceId) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        // The activity log is left to its TTL: the stream may still be writing it, and without members nobody can read it.
        eachItem(TableKeys.workspacePartition(workspaceId), "", item -> keys.add(Map.of(TableKeys.PK, item.get(TableKeys.PK),
                TableKeys.SK, item.get(TableKeys.SK))));
        batchDelete(keys);
    }

    @Override
    public void changeRole(Member member, Role role, ChangedBy changedBy) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(TableKeys.member(member.workspaceId(), member.userId()))
                .updateExpression(ChangeStamps.SET + ", #role = :role").conditionExpression("#role = :was")
                .expressionAttributeNames(ChangeStamps.names(Map.of("#role", WorkspaceItems.ROLE)))
                .expressionAttributeValues(ChangeStamps.values(changedBy, Map.of(":role", s(role.wire()), ":was", s(member.role().wire())))))
                .build());
        int ownerChange = (role == Role.OWNER ? 1 : 0) - (member.role() == Role.OWNER ? 1 : 0);
        if (ownerChange != 0) {
            writes.add(countChange(member.workspaceId(), 0, ownerChange));
        }
        transact(writes, ownerChange < 0 ? 1 : -1);
    }

    @Override
    public void remove(Member member, ChangedBy removedBy) {
        Map<String, AttributeValue> key = TableKeys.member(member.workspaceId(), member.userId());
        try {
            // The stream's REMOVE record carries only the last image: who removed (or that the member left) goes on it first.
            dynamoDb.updateItem(u -> u.tableName(table).key(key).updateExpression(ChangeStamps.SET).conditionExpression("#role = :was")
                    .expressionAttributeNames(ChangeStamps.names(Map.of("#role", WorkspaceItems.ROLE)))
                    .expressionAttributeValues(ChangeStamps.values(removedBy, Map.of(":was", s(member.role().wire())))));
        } catch (ConditionalCheckFailedException changed) {
            throw new ConcurrentChangeException("member changed");
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(TableKeys.member(member.workspaceId(), member.userId()))
                .conditionExpression("#role = :was").expressionAttributeNames(Map.of("#role", WorkspaceItems.ROLE))
                .expressionAttributeValues(Map.of(":was", s(member.role().wire())))).build());
        writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(TableKeys.membership(member.userId(), member.workspaceId())))
                .build());
        boolean owner = member.role() == Role.OWNER;
        writes.add(countChange(member.workspaceId(), -1, owner ? -1 : 0));
        transact(writes, owner ? 2 : -1);
    }

    /** Moves the member and owner counts; taking an owner away holds only while another remains. */
    private TransactWriteItem countChange(String workspaceId, int members, int owners) {
        String condition = owners < 0 ? "attribute_exists(pk) AND #owners > :one" : "attribute_exists(pk)";
        Map<String, AttributeValue> values = owners < 0
                ? Map.of(":members", n(members), ":owners", n(owners), ":one", n(1))
                : Map.of(":members", n(members), ":owners", n(owners));
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(TableKeys.workspace(workspaceId))
                .updateExpression("ADD #members :members, #owners :owners").conditionExpression(condition)
                .expressionAttributeNames(Map.of("#members", WorkspaceItems.MEMBER_COUNT, "#owners", WorkspaceItems.OWNER_COUNT))
                .expressionAttributeValues(values)).build();
    }

    /**
     * Runs the transaction; when it is refused and the write at {@code ownerGuard} (the owner count's, or -1)
     * failed its condition while the others held, the last owner would have gone.
     */
    private void transact(List<TransactWriteItem> writes, int ownerGuard) {
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(writes));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            if (ownerGuard >= 0 && reasons.size() == writes.size() && "ConditionalCheckFailed".equals(reasons.get(ownerGuard).code())
                    && reasons.stream().filter(r -> "ConditionalCheckFailed".equals(r.code())).count() == 1) {
                throw new NoOwnerLeftException();
            }
            throw new ConcurrentChangeException("transaction cancelled: " + reasons.stream().map(r -> String.valueOf(r.code())).toList());
        }
    }

    private void eachItem(String partition, String sortKeyPrefix, Consumer<Map<String, AttributeValue>> each) {
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table).consistentRead(true).exclusiveStartKey(start);
            if (sortKeyPrefix.isEmpty()) {
                query.keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(partition)));
            } else {
                query.keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s(partition), ":prefix", s(sortKeyPrefix)));
            }
            QueryResponse page = dynamoDb.query(query.build());
            page.items().forEach(each);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }

    private void batchDelete(List<Map<String, AttributeValue>> keys) {
        BatchWrites.all(dynamoDb, table, keys.stream().map(key -> WriteRequest.builder().deleteRequest(d -> d.key(key)).build()).toList());
    }
}
