package dev.orderchainer.workspaces;

import static dev.orderchainer.local.JsonText.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderchainer.common.table.TableKeys;
import dev.orderchainer.local.HttpInvocation;
import dev.orderchainer.workspaces.domain.Member;
import dev.orderchainer.workspaces.domain.Role;
import dev.orderchainer.workspaces.domain.WorkspaceService;
import dev.orderchainer.workspaces.store.DynamoDbWorkspaceStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The workspace endpoints through their Lambda handlers, configured by template.yaml, against DynamoDB Local. */
class WorkspacesEndpointsTest {
    private static final WorkspacesApi API = new WorkspacesApi();
    private final DynamoDbWorkspaceStore store = new DynamoDbWorkspaceStore(API.local.dynamoDb(), "AppTable");

    private void join(String workspace, WorkspacesApi.Person person, Role role) {
        store.add(new Member(workspace, person.id, person.username, role, Instant.now()), WorkspaceService.MAX_MEMBERS);
    }

    @Test
    void theCreatorOwnsANewWorkspaceAndSeesItAfterThePersonalOne() {
        WorkspacesApi.Person ada = API.new Person();
        HttpInvocation.Response created = ada.create("{\"name\":\" Kitchen \"}");
        assertEquals(201, created.status(), created.bodyText());
        String id = created.json().path("id").asText();
        assertEquals("/api/workspaces/" + id, created.header("location"));
        assertEquals("Kitchen", created.json().path("name").asText());
        assertEquals("owner", created.json().path("role").asText());
        assertEquals(1, created.json().path("member_count").asInt());

        JsonNode list = ada.list().json();
        assertEquals(List.of(ada.id, id), texts(list.path("items"), "id"));
        assertEquals(List.of("true", "false"), texts(list.path("items"), "personal"));
        assertTrue(list.path("next_cursor").isNull());
        assertEquals(created.json(), ada.get(id).json());
        assertEquals("Personal", ada.get(ada.id).json().path("name").asText());
        assertEquals(List.of(ada.username), texts(ada.members(id).json().path("items"), "username"));
    }

    @Test
    void aNonMemberLearnsNothingAndARoleTooSmallIsNamed() {
        WorkspacesApi.Person ada = API.new Person();
        WorkspacesApi.Person grace = API.new Person();
        WorkspacesApi.Person stranger = API.new Person();
        String id = ada.createId("Kitchen");
        join(id, grace, Role.MEMBER);
        for (HttpInvocation.Response hidden : List.of(stranger.get(id), stranger.members(id), stranger.rename(id, "{\"name\":\"Mine\"}"),
                stranger.delete(id), stranger.get("ws_ffffffffffffffffffffffff"), stranger.get("not-a-workspace"), stranger.get(ada.id))) {
            assertEquals(404, hidden.status(), hidden.bodyText());
            assertEquals("application/problem+json", hidden.header("content-type"));
        }
        HttpInvocation.Response refused = grace.rename(id, "{\"name\":\"Mine\"}");
        assertEquals(403, refused.status());
        assertEquals("member", refused.json().path("role").asText());
        assertEquals("admin", refused.json().path("required_role").asText());
        assertEquals("Kitchen", ada.get(id).json().path("name").asText(), "nothing changed");
        assertEquals("member", grace.get(id).json().path("role").asText());
    }

    @Test
    void badInputIsA400NamingTheFieldAndChangesNothing() {
        WorkspacesApi.Person ada = API.new Person();
        String id = ada.createId("Kitchen");
        WorkspacesApi.Person grace = API.new Person();
        join(id, grace, Role.VIEWER);
        for (HttpInvocation.Response bad : List.of(ada.create("{\"name\":\"\"}"), ada.create("{}"), ada.create("{\"name\":\"a\",\"x\":1}"),
                ada.rename(id, "{\"name\":\"" + "x".repeat(101) + "\"}"), ada.setRole(id, grace, "superuser"))) {
            assertEquals(400, bad.status(), bad.bodyText());
        }
        assertEquals("Kitchen", ada.get(id).json().path("name").asText());
        assertEquals("viewer", grace.get(id).json().path("role").asText());
        assertEquals(2, ada.list().json().path("items").size());
    }

    @Test
    void rolesChangeAsThePermissionTableSaysAndAnOwnerAlwaysRemains() {
        WorkspacesApi.Person ada = API.new Person();
        WorkspacesApi.Person grace = API.new Person();
        WorkspacesApi.Person linus = API.new Person();
        String id = ada.createId("Kitchen");
        join(id, grace, Role.ADMIN);
        join(id, linus, Role.VIEWER);
        assertEquals("member", grace.setRole(id, linus, "member").json().path("role").asText());
        assertEquals(403, grace.setRole(id, linus, "owner").status());
        assertEquals(403, grace.setRole(id, ada, "admin").status());
        assertEquals(409, ada.setRole(id, ada, "admin").status());
        assertEquals(409, ada.remove(id, ada).status());
        assertEquals(200, ada.setRole(id, grace, "owner").status());
        assertEquals(200, ada.setRole(id, ada, "admin").status());
        assertEquals(List.of("admin", "owner", "member"), texts(grace.members(id).json().path("items"), "role"));
        assertEquals(404, ada.setRole(id, API.new Person(), "member").status());
    }

    @Test
    void aRemovedMemberIsRefusedAtOnceWithItsTokenStillValid() {
        WorkspacesApi.Person ada = API.new Person();
        WorkspacesApi.Person grace = API.new Person();
        String id = ada.createId("Kitchen");
        join(id, grace, Role.ADMIN);
        assertEquals(200, grace.get(id).status());
        assertEquals(204, ada.remove(id, grace).status());
        assertEquals(404, grace.get(id).status());
        assertEquals(404, grace.members(id).status());
        assertEquals(1, grace.list().json().path("items").size());
        assertEquals(1, ada.get(id).json().path("member_count").asInt());
    }

    @Test
    void anyoneMayLeave() {
        WorkspacesApi.Person ada = API.new Person();
        WorkspacesApi.Person grace = API.new Person();
        String id = ada.createId("Kitchen");
        join(id, grace, Role.VIEWER);
        assertEquals(204, grace.remove(id, grace).status());
        assertEquals(404, grace.get(id).status());
    }

    @Test
    void thePersonalWorkspaceKeepsItsOneOwnerAndItsName() {
        WorkspacesApi.Person ada = API.new Person();
        assertEquals(409, ada.rename(ada.id, "{\"name\":\"Mine\"}").status());
        assertEquals(409, ada.delete(ada.id).status());
        assertEquals(409, ada.remove(ada.id, ada).status());
        assertEquals(409, ada.setRole(ada.id, ada, "admin").status());
        assertEquals(List.of(ada.id), texts(ada.members(ada.id).json().path("items"), "user_id"));
    }

    @Test
    void deletingAWorkspaceEndsEveryonesAccessAndRemovesWhatItHeld() {
        WorkspacesApi.Person ada = API.new Person();
        WorkspacesApi.Person grace = API.new Person();
        String id = ada.createId("Kitchen");
        join(id, grace, Role.ADMIN);
        API.local.dynamoDb().putItem(r -> r.tableName("AppTable").item(Map.of("pk", AttributeValue.fromS(TableKeys.workspacePartition(id)),
                "sk", AttributeValue.fromS(TableKeys.ORDER_PREFIX + "01JDQ8X3V7M2K9P4R6T8W0Y2A4"))));
        assertEquals(403, grace.delete(id).status());
        assertEquals(204, ada.delete(id).status());
        assertEquals(404, ada.get(id).status());
        assertEquals(404, grace.get(id).status());
        assertEquals(1, grace.list().json().path("items").size());
        assertEquals(0, API.local.dynamoDb().query(q -> q.tableName("AppTable").keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableKeys.workspacePartition(id))))).count());
    }

    @Test
    void aTokenWithoutAnAccountHasNoWorkspaces() {
        WorkspacesApi.Person ghost = API.new Person();
        API.local.dynamoDb().deleteItem(r -> r.tableName("AppTable").key(TableKeys.profile(ghost.id)));
        assertEquals(404, ghost.list().status());
        assertEquals(404, ghost.create("{\"name\":\"x\"}").status());
        assertEquals(404, ghost.get(ghost.id).status());
    }
}
