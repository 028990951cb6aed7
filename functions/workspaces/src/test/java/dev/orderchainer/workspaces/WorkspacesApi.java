package dev.orderchainer.workspaces;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.orderchainer.auth.domain.User;
import dev.orderchainer.auth.store.DynamoDbUserStore;
import dev.orderchainer.local.ApiGatewayV2Event;
import dev.orderchainer.local.HttpInvocation;
import dev.orderchainer.local.LocalLambdaContext;
import dev.orderchainer.local.LocalServices;
import dev.orderchainer.security.AccessTokens;
import dev.orderchainer.security.SigningKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** The workspace functions as template.yaml configures them, on DynamoDB Local, called by real accounts with real tokens. */
final class WorkspacesApi {
    final LocalServices local = LocalServices.shared();
    private final ListWorkspacesHandler list = new ListWorkspacesHandler(local.environmentOf("ListWorkspacesFunction"));
    private final CreateWorkspaceHandler create = new CreateWorkspaceHandler(local.environmentOf("CreateWorkspaceFunction"));
    private final GetWorkspaceHandler get = new GetWorkspaceHandler(local.environmentOf("GetWorkspaceFunction"));
    private final UpdateWorkspaceHandler rename = new UpdateWorkspaceHandler(local.environmentOf("UpdateWorkspaceFunction"));
    private final DeleteWorkspaceHandler delete = new DeleteWorkspaceHandler(local.environmentOf("DeleteWorkspaceFunction"));
    private final ListMembersHandler members = new ListMembersHandler(local.environmentOf("ListMembersFunction"));
    private final UpdateMemberHandler role = new UpdateMemberHandler(local.environmentOf("UpdateMemberFunction"));
    private final DeleteMemberHandler remove = new DeleteMemberHandler(local.environmentOf("DeleteMemberFunction"));
    private final AccessTokens tokens = new AccessTokens(SigningKeys.parse(local.signingKeysJson(), "local"),
            "orderchainer", "orderchainer-api", Duration.ofMinutes(30), Clock.systemUTC());

    /** A registered account (made in the table) and a valid access token. */
    final class Person {
        final String id = UUID.randomUUID().toString();
        final String username = "u" + id.substring(0, 8);
        final String token = tokens.issue(id, UUID.randomUUID().toString()).token();

        Person() {
            new DynamoDbUserStore(local.dynamoDb(), "AppTable").create(new User(id, username + "@example.org", username, "unused", true,
                    Instant.parse("2026-11-02T00:00:00Z"), 0, null));
        }

        HttpInvocation.Response list() {
            return call(WorkspacesApi.this.list, ApiGatewayV2Event.request("GET", "/api/workspaces").routeKey("GET /api/workspaces"));
        }

        HttpInvocation.Response create(String json) {
            return call(WorkspacesApi.this.create, ApiGatewayV2Event.request("POST", "/api/workspaces").routeKey("POST /api/workspaces")
                    .jsonBody(json));
        }

        String createId(String name) {
            HttpInvocation.Response created = create("{\"name\":\"" + name + "\"}");
            if (created.status() != 201) {
                throw new AssertionError(created.status() + " " + created.bodyText());
            }
            return created.json().path("id").asText();
        }

        HttpInvocation.Response get(String workspace) {
            return call(WorkspacesApi.this.get, inWorkspace("GET", workspace, ""));
        }

        HttpInvocation.Response rename(String workspace, String json) {
            return call(WorkspacesApi.this.rename, inWorkspace("PUT", workspace, "").jsonBody(json));
        }

        HttpInvocation.Response delete(String workspace) {
            return call(WorkspacesApi.this.delete, inWorkspace("DELETE", workspace, ""));
        }

        HttpInvocation.Response members(String workspace) {
            return call(WorkspacesApi.this.members, inWorkspace("GET", workspace, "/members"));
        }

        HttpInvocation.Response setRole(String workspace, Person member, String role) {
            return call(WorkspacesApi.this.role, inWorkspace("PUT", workspace, "/members/{user_id}").pathParameter("user_id", member.id)
                    .jsonBody("{\"role\":\"" + role + "\"}"));
        }

        HttpInvocation.Response remove(String workspace, Person member) {
            return call(WorkspacesApi.this.remove, inWorkspace("DELETE", workspace, "/members/{user_id}").pathParameter("user_id", member.id));
        }

        private ApiGatewayV2Event inWorkspace(String method, String workspace, String rest) {
            return ApiGatewayV2Event.request(method, "/api/workspaces/" + workspace + rest)
                    .routeKey(method + " /api/workspaces/{wid}" + rest).pathParameter("wid", workspace);
        }

        private HttpInvocation.Response call(RequestStreamHandler handler, ApiGatewayV2Event event) {
            return HttpInvocation.invoke(handler, event.header("authorization", "Bearer " + token),
                    new LocalLambdaContext("workspaces", 1024, 10));
        }
    }
}
