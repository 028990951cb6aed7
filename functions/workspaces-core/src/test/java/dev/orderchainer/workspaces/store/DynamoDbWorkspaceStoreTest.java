package dev.orderchainer.workspaces.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.common.domain.ChangedBy;
import dev.orderchainer.common.table.ChangeStamps;
import dev.orderchainer.common.table.TableKeys;
import dev.orderchainer.local.LocalServices;
import dev.orderchainer.workspaces.domain.Invitation;
import dev.orderchainer.workspaces.domain.Member;
import dev.orderchainer.workspaces.domain.Membership;
import dev.orderchainer.workspaces.domain.Role;
import dev.orderchainer.workspaces.domain.Workspace;
import dev.orderchainer.workspaces.domain.WorkspaceIds;
import dev.orderchainer.workspaces.domain.WorkspaceStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The workspace store's conditions and transactions on DynamoDB Local with the template's table. */
class DynamoDbWorkspaceStoreTest {
    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");
    private final LocalServices local = LocalServices.shared();
    private final DynamoDbWorkspaceStore store = new DynamoDbWorkspaceStore(local.dynamoDb(), "AppTable");
    private final String ada = UUID.randomUUID().toString();
    private final String grace = UUID.randomUUID().toString();

    private Workspace created(String name) {
        Workspace workspace = new Workspace(WorkspaceIds.next(), name, false, 1, AT);
        store.create(workspace, new Member(workspace.id(), ada, "ada", Role.OWNER, AT));
        return workspace;
    }

    private Member joined(Workspace workspace, String userId, Role role) {
        Member member = new Member(workspace.id(), userId, "grace", role, AT.plusSeconds(1));
        store.add(member, 50);
        return member;
    }

    @Test
    void aMemberIsAddedOnceAndOnlyWhileThereIsRoom() {
        Workspace workspace = created("Kitchen");
        Member grace = joined(workspace, this.grace, Role.VIEWER);
        assertThrows(WorkspaceStore.ConcurrentChangeException.class, () -> store.add(grace, 50));
        assertEquals(2, store.workspace(workspace.id()).orElseThrow().memberCount());
        assertThrows(WorkspaceStore.WorkspaceFullException.class,
                () -> store.add(new Member(workspace.id(), UUID.randomUUID().toString(), "ken", Role.MEMBER, AT), 2));
        assertEquals(List.of(new Membership(store.workspace(workspace.id()).orElseThrow(), Role.VIEWER)), store.membershipsOf(this.grace));
        assertThrows(WorkspaceStore.ConcurrentChangeException.class,
                () -> store.add(new Member(WorkspaceIds.next(), UUID.randomUUID().toString(), "ken", Role.MEMBER, AT), 50));
    }

    @Test
    void theTableKeysAndTheIdsAgreeOnWhatATeamWorkspaceIdLooksLike() {
        assertEquals(TableKeys.TEAM_WORKSPACE_ID_PREFIX, WorkspaceIds.PREFIX);
        assertEquals("WS#ws_1", TableKeys.workspacePartition("ws_1"));
        assertEquals("USER#" + ada, TableKeys.workspacePartition(ada));
        assertEquals(TableKeys.key("USER#" + ada, "ORDER#x"), TableKeys.order(ada, "x"));
    }

    @Test
    void aWorkspaceIsStoredWithItsOwnerAndListedForIt() {
        Workspace workspace = created("Kitchen");
        assertEquals(workspace, store.workspace(workspace.id()).orElseThrow());
        assertEquals(List.of(new Member(workspace.id(), ada, "ada", Role.OWNER, AT)), store.members(workspace.id()));
        assertEquals(List.of(new Membership(workspace, Role.OWNER)), store.membershipsOf(ada));
        assertEquals(List.of(), store.membershipsOf(grace));
        assertThrows(WorkspaceStore.ConcurrentChangeException.class,
                () -> store.create(workspace, new Member(workspace.id(), grace, "grace", Role.OWNER, AT)));
    }

    @Test
    void membershipsOfManyWorkspacesAreReadInChunks() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(created("w" + i).id());
        }
        assertEquals(60, store.membershipCount(ada));
        assertEquals(0, store.membershipCount(grace));
        assertEquals(ids.stream().sorted().toList(), store.membershipsOf(ada).stream().map(m -> m.workspace().id()).sorted().toList());
    }

    @Test
    void renameNeedsTheWorkspaceToExist() {
        Workspace workspace = created("Kitchen");
        assertEquals("Larder", store.rename(workspace.id(), "Larder", by("ada")).name());
        assertEquals("Larder", store.workspace(workspace.id()).orElseThrow().name());
        assertThrows(WorkspaceStore.ConcurrentChangeException.class, () -> store.rename(WorkspaceIds.next(), "x", by("ada")));
    }

    @Test
    void deleteTakesEveryMemberAtOnceAndRefusesWhenSomeoneJoinedMeanwhile() {
        Workspace workspace = created("Kitchen");
        List<Member> members = store.members(workspace.id());
        joined(workspace, grace, Role.MEMBER);
        assertThrows(WorkspaceStore.ConcurrentChangeException.class, () -> store.delete(workspace, members));
        store.delete(workspace, store.members(workspace.id()));
        assertTrue(store.workspace(workspace.id()).isEmpty());
        assertEquals(List.of(), store.members(workspace.id()));
        assertEquals(List.of(), store.membershipsOf(grace));
        assertEquals(List.of(), store.membershipsOf(ada));
    }

    @Test
    void purgeRemovesWhateverTheWorkspaceHeld() {
        Workspace workspace = created("Kitchen");
        for (int i = 0; i < 60; i++) {
            String sk = "ORDER#" + i;
            local.dynamoDb().putItem(r -> r.tableName("AppTable").item(TableKeys.key(TableKeys.workspacePartition(workspace.id()), sk)));
        }
        store.delete(workspace, store.members(workspace.id()));
        store.purge(workspace.id());
        assertEquals(0, local.dynamoDb().query(q -> q.tableName("AppTable").keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableKeys.workspacePartition(workspace.id()))))).count());
        store.purge(workspace.id());
    }

    @Test
    void aRoleChangesOnlyFromTheRoleItWasReadWith() {
        Workspace workspace = created("Kitchen");
        Member member = joined(workspace, grace, Role.MEMBER);
        store.changeRole(member, Role.ADMIN, by("ada"));
        assertEquals(Role.ADMIN, store.member(workspace.id(), grace).orElseThrow().role());
        assertThrows(WorkspaceStore.ConcurrentChangeException.class, () -> store.changeRole(member, Role.VIEWER, by("ada")));
        assertThrows(WorkspaceStore.ConcurrentChangeException.class, () -> store.remove(member, by("ada")));
    }

    @Test
    void theLastOwnerCannotBeDemotedOrRemoved() {
        Workspace workspace = created("Kitchen");
        Member owner = store.member(workspace.id(), ada).orElseThrow();
        assertThrows(WorkspaceStore.NoOwnerLeftException.class, () -> store.changeRole(owner, Role.ADMIN, by("ada")));
        assertThrows(WorkspaceStore.NoOwnerLeftException.class, () -> store.remove(owner, by("ada")));
        Member second = joined(workspace, grace, Role.MEMBER);
        store.changeRole(second, Role.OWNER, by("ada"));
        store.remove(owner, by("ada"));
        assertEquals(List.of(grace), store.members(workspace.id()).stream().map(Member::userId).toList());
        assertEquals(1, store.workspace(workspace.id()).orElseThrow().memberCount());
        assertEquals(List.of(), store.membershipsOf(ada));
    }

    @Test
    void twoOwnersSteppingDownAtTheSameMomentLeaveOneOwner() throws Exception {
        for (int round = 0; round < 5; round++) {
            Workspace workspace = created("Race " + round);
            Member first = store.member(workspace.id(), ada).orElseThrow();
            Member second = joined(workspace, grace, Role.OWNER);
            CyclicBarrier together = new CyclicBarrier(2);
            CompletableFuture<Boolean> a = CompletableFuture.supplyAsync(() -> stepsDown(first, together));
            CompletableFuture<Boolean> b = CompletableFuture.supplyAsync(() -> stepsDown(second, together));
            assertTrue(a.get() ^ b.get(), "exactly one stepped down");
            assertEquals(1, store.members(workspace.id()).stream().filter(m -> m.role() == Role.OWNER).count());
        }
    }

    /** As the service does: a write that collided (a transaction conflict) is tried again; the last owner's is refused. */
    private boolean stepsDown(Member owner, CyclicBarrier together) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                store.changeRole(owner, Role.ADMIN, by("ada"));
                return true;
            } catch (WorkspaceStore.NoOwnerLeftException refused) {
                return false;
            } catch (WorkspaceStore.ConcurrentChangeException collided) {
                // Read again below.
            }
        }
        throw new IllegalStateException("kept colliding");
    }

    private Invitation invited(Workspace workspace, String hash) {
        Invitation invitation = new Invitation("inv_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24), workspace.id(),
                "grace@example.com", Role.MEMBER, ada, AT, AT.plusSeconds(3600), hash);
        store.invite(invitation);
        return invitation;
    }

    @Test
    void anInvitationIsUsedUpByTheOneJoinItMakesAndNeverAfterItExpired() {
        Workspace workspace = created("Kitchen");
        Invitation invitation = invited(workspace, "h1");
        assertEquals(List.of(invitation), store.invitations(workspace.id()));
        Member member = new Member(workspace.id(), grace, "grace", Role.MEMBER, AT);
        Invitation forged = new Invitation(invitation.id(), workspace.id(), invitation.email(), Role.ADMIN, ada, AT, invitation.expiresAt(), "h2");
        assertThrows(WorkspaceStore.InvitationGoneException.class, () -> store.join(forged, member, 50, AT));
        assertThrows(WorkspaceStore.InvitationGoneException.class, () -> store.join(invitation, member, 50, invitation.expiresAt()));
        assertTrue(store.member(workspace.id(), grace).isEmpty(), "no member from a refused join");
        store.join(invitation, member, 50, AT);
        assertEquals(Role.MEMBER, store.member(workspace.id(), grace).orElseThrow().role());
        assertEquals(List.of(), store.invitations(workspace.id()));
        Member another = new Member(workspace.id(), UUID.randomUUID().toString(), "ken", Role.MEMBER, AT);
        assertThrows(WorkspaceStore.InvitationGoneException.class, () -> store.join(invitation, another, 50, AT));
        assertEquals(2, store.workspace(workspace.id()).orElseThrow().memberCount());
    }

    @Test
    void twoAcceptancesOfOneInvitationAtTheSameMomentMakeOneMember() throws Exception {
        for (int round = 0; round < 5; round++) {
            Workspace workspace = created("Race " + round);
            Invitation invitation = invited(workspace, "h");
            CyclicBarrier together = new CyclicBarrier(2);
            List<CompletableFuture<Boolean>> joins = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Member member = new Member(workspace.id(), UUID.randomUUID().toString(), "p" + i, Role.MEMBER, AT);
                joins.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await();
                        store.join(invitation, member, 50, AT);
                        return true;
                    } catch (WorkspaceStore.InvitationGoneException | WorkspaceStore.ConcurrentChangeException refused) {
                        return false;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            assertTrue(joins.get(0).get() ^ joins.get(1).get(), "exactly one joined");
            assertEquals(2, store.members(workspace.id()).size());
        }
    }

    @Test
    void aRevokedInvitationIsGoneAndWhoRevokedItIsOnItsLastImage() {
        Workspace workspace = created("Kitchen");
        Invitation invitation = invited(workspace, "h");
        store.revoke(invitation, by(ada));
        assertTrue(store.invitation(workspace.id(), invitation.id()).isEmpty());
        assertThrows(WorkspaceStore.ConcurrentChangeException.class, () -> store.revoke(invitation, by(ada)));
        assertThrows(WorkspaceStore.InvitationGoneException.class,
                () -> store.join(invitation, new Member(workspace.id(), grace, "grace", Role.MEMBER, AT), 50, AT));
    }

    @Test
    void renamesRoleChangesAndRemovalsRecordWhoMadeThem() {
        Workspace workspace = created("Kitchen");
        Member member = joined(workspace, grace, Role.MEMBER);
        store.rename(workspace.id(), "Larder", new ChangedBy(grace, AT.plusMillis(1)));
        assertEquals(grace, item(TableKeys.workspace(workspace.id())).get(ChangeStamps.CHANGED_BY).s());
        assertEquals(AT.plusMillis(1).toString(), item(TableKeys.workspace(workspace.id())).get(ChangeStamps.CHANGED_AT).s());
        store.changeRole(member, Role.ADMIN, new ChangedBy(ada, AT.plusMillis(2)));
        assertEquals(ada, item(TableKeys.member(workspace.id(), grace)).get(ChangeStamps.CHANGED_BY).s());
        assertEquals(AT.plusMillis(2).toString(), item(TableKeys.member(workspace.id(), grace)).get(ChangeStamps.CHANGED_AT).s());
        assertThrows(WorkspaceStore.ConcurrentChangeException.class, () -> store.remove(member.withRole(Role.VIEWER), by(grace)));
        assertEquals(ada, item(TableKeys.member(workspace.id(), grace)).get(ChangeStamps.CHANGED_BY).s(), "a refused removal marks nothing");
    }

    private static ChangedBy by(String userId) {
        return new ChangedBy(userId, AT);
    }

    private Map<String, AttributeValue> item(Map<String, AttributeValue> key) {
        return local.dynamoDb().getItem(r -> r.tableName("AppTable").key(key).consistentRead(true)).item();
    }
}
