package dev.orderchainer.orders;

import static dev.orderchainer.local.JsonText.json;
import static dev.orderchainer.local.JsonText.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderchainer.common.domain.ChangedBy;
import dev.orderchainer.local.HttpInvocation;
import dev.orderchainer.workspaces.domain.Member;
import dev.orderchainer.workspaces.domain.Role;
import dev.orderchainer.workspaces.domain.Workspace;
import dev.orderchainer.workspaces.domain.WorkspaceIds;
import dev.orderchainer.workspaces.domain.WorkspaceService;
import dev.orderchainer.workspaces.store.DynamoDbWorkspaceStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order endpoints under /api/workspaces/{wid}/orders: the same rules per workspace, decided by each caller's role. */
class WorkspaceOrdersEndpointsTest {
    private static final OrdersApi API = new OrdersApi();
    private final DynamoDbWorkspaceStore workspaces = new DynamoDbWorkspaceStore(API.local.dynamoDb(), "AppTable");
    private final String workspace = WorkspaceIds.next();
    private final OrdersApi.User owner = member(Role.OWNER);
    private final OrdersApi.User admin = member(Role.ADMIN);
    private final OrdersApi.User ada = member(Role.MEMBER);
    private final OrdersApi.User grace = member(Role.MEMBER);
    private final OrdersApi.User viewer = member(Role.VIEWER);

    /** A new user, member of the test's workspace with {@code role} (the first one creates it), calling its order routes. */
    private OrdersApi.User member(Role role) {
        OrdersApi.User user = API.newUser();
        Member member = new Member(workspace, user.id, "u" + user.id.substring(0, 6), role, Instant.now());
        if (workspaces.workspace(workspace).isEmpty()) {
            workspaces.create(new Workspace(workspace, "Kitchen", false, 1, Instant.now()), member);
        } else {
            workspaces.add(member, WorkspaceService.MAX_MEMBERS);
        }
        return user.in(workspace);
    }

    @Test
    void membersShareTheWorkspacesOrdersWhichStayApartFromTheirPersonalOnes() {
        HttpInvocation.Response created = ada.create(json("title", "Print catalogue"));
        assertEquals(201, created.status(), created.bodyText());
        String id = created.json().path("id").asText();
        assertEquals("/api/workspaces/" + workspace + "/orders/" + id, created.header("location"));
        assertEquals(ada.id, created.json().path("created_by").asText());
        assertEquals(ada.id, created.json().path("updated_by").asText());
        assertTrue(created.json().path("assignee").isNull());

        JsonNode changed = grace.update(id, json("title", "Print the catalogue")).json();
        assertEquals(ada.id, changed.path("created_by").asText());
        assertEquals(grace.id, changed.path("updated_by").asText());
        assertEquals("Print the catalogue", viewer.order(id).path("title").asText());
        assertEquals(List.of(id), texts(viewer.list("").json().path("items"), "id"));

        assertEquals(0, ada.personal().list("").json().path("items").size(), "ada's personal workspace holds none of them");
        assertEquals(404, ada.personal().get(id).status(), "the personal routes never reach a workspace's orders");
        assertEquals(404, API.newUser().in(workspace).get(id).status(), "a non-member");
        assertEquals(1, viewer.graph("").json().path("nodes").size());
    }

    @Test
    void aViewerReadsButCannotWriteAndIsToldWhichRoleItTakes() {
        String id = ada.createId(json("title", "Read me"));
        HttpInvocation.Response refused = viewer.create(json("title", "Mine"));
        assertEquals(403, refused.status());
        assertEquals("viewer", refused.json().path("role").asText());
        assertEquals("member", refused.json().path("required_role").asText());
        assertEquals(403, viewer.update(id, json("title", "Changed")).status());
        assertEquals(403, viewer.delete(id).status());
        assertEquals("Read me", viewer.order(id).path("title").asText(), "nothing changed");
        assertEquals(1, viewer.list("").json().path("items").size());
    }

    @Test
    void aMemberDeletesWhatItMadeAndAnAdminAnything() {
        String adas = ada.createId(json("title", "Ada's"));
        String graces = grace.createId(json("title", "Grace's"));
        HttpInvocation.Response refused = ada.delete(graces);
        assertEquals(403, refused.status());
        assertEquals("admin", refused.json().path("required_role").asText());
        assertEquals(204, ada.delete(adas).status());
        assertEquals(204, admin.delete(graces).status());
        assertEquals(0, owner.list("").json().path("items").size());
    }

    @Test
    void ordersAreAssignedToMembersOnlyAndListedByAssignee() {
        String mine = ada.createId(json("title", "Mine", "assignee", ada.id));
        String hers = ada.createId(json("title", "Hers"));
        assertEquals(grace.id, ada.update(hers, json("assignee", grace.id)).json().path("assignee").asText());
        OrdersApi.User stranger = API.newUser();
        HttpInvocation.Response notMember = ada.create(json("title", "x", "assignee", stranger.id));
        assertEquals(400, notMember.status());
        assertEquals("assignee", notMember.json().path("field").asText());
        assertEquals(400, ada.update(hers, json("assignee", "me")).status());
        assertEquals(grace.id, ada.order(hers).path("assignee").asText(), "a refused change changes nothing");

        assertEquals(List.of(mine), texts(ada.list("?assignee=me").json().path("items"), "id"));
        assertEquals(List.of(hers), texts(ada.list("?assignee=" + grace.id).json().path("items"), "id"));
        assertEquals(List.of(hers), texts(grace.list("?assignee=me&status=pending").json().path("items"), "id"));
        assertEquals(grace.id, ada.graph("").json().path("nodes").findValuesAsText("assignee").stream()
                .filter(a -> !a.equals(ada.id)).findFirst().orElseThrow());

        HttpInvocation.Response unassigned = ada.update(hers, "{\"assignee\":null}");
        assertEquals(200, unassigned.status(), unassigned.bodyText());
        assertTrue(unassigned.json().path("assignee").isNull());
        assertEquals(List.of(), texts(ada.list("?assignee=" + grace.id).json().path("items"), "id"));
    }

    @Test
    void assigneeFilteredPagesGoOnUntilTheEnd() {
        List<String> assigned = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String id = ada.createId(json("title", "Order " + i));
            if (i % 3 == 0) {
                ada.update(id, json("assignee", grace.id));
                assigned.add(0, id);
            }
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = grace.list("?assignee=me&limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            seen.addAll(texts(page.path("items"), "id"));
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
        } while (cursor != null);
        assertEquals(assigned, seen);
    }

    @Test
    void aRemovedMemberIsRefusedAtOnce() {
        String id = ada.createId(json("title", "Shared"));
        assertEquals(200, grace.get(id).status());
        workspaces.remove(workspaces.member(workspace, grace.id).orElseThrow(), new ChangedBy(grace.id, Instant.now()));
        for (HttpInvocation.Response refused : List.of(grace.get(id), grace.list(""), grace.create(json("title", "x")),
                grace.update(id, json("title", "x")), grace.delete(id), grace.graph(""))) {
            assertEquals(404, refused.status(), refused.bodyText());
        }
        assertEquals("Shared", ada.order(id).path("title").asText());
    }
}
