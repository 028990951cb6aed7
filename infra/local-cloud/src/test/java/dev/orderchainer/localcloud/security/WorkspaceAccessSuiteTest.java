package dev.orderchainer.localcloud.security;

import static dev.orderchainer.local.JsonText.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderchainer.local.ProjectFiles;
import dev.orderchainer.localcloud.LocalCloud;
import dev.orderchainer.localcloud.LocalCloudFixtures;
import dev.orderchainer.localcloud.LoopbackClient;
import dev.orderchainer.localcloud.spec.OpenApiDescription;
import dev.orderchainer.workspaces.domain.Member;
import dev.orderchainer.workspaces.domain.Role;
import dev.orderchainer.workspaces.domain.Workspace;
import dev.orderchainer.workspaces.domain.WorkspaceIds;
import dev.orderchainer.workspaces.store.DynamoDbWorkspaceStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operation under /api/workspaces/{wid} (read from infra/openapi.yaml, with the action each names in
 * x-permission) × every role × a non-member × a removed member, each case on a workspace of its own: a role the
 * permission table allows succeeds, a smaller role is 403 naming its role and the role it takes, a non-member and a
 * removed member get the same 404 as a workspace that does not exist, and no refused request changes anything the
 * owner can see. An operation added to the description is checked here with no change (its sample body aside).
 */
class WorkspaceAccessSuiteTest {
    private static final String PASSWORD = "violet kettle orbit mango";
    private static final OpenApiDescription SPEC = OpenApiDescription.load();
    private static final List<String> CALLERS = List.of("viewer", "member", "admin", "owner", "non-member", "removed member");
    private static LocalCloud cloud;
    private static LoopbackClient client;
    private static DynamoDbWorkspaceStore store;
    private static final Map<String, Account> PEOPLE = new LinkedHashMap<>();

    record Account(String id, String username, String access) {}

    /** One workspace made for one case: who is what in it, and the items the operation's path names. */
    record Team(String id, String orderId, String invitationId, String targetId, String webhookId) {}

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start(LocalCloud.Options.forTests(ProjectFiles.template()));
        client = new LoopbackClient(cloud.baseUrl().getPort(), "127.0.0.7");
        store = new DynamoDbWorkspaceStore(cloud.services().dynamoDb(), cloud.services().environmentOf("ListMembersFunction").get("TABLE_NAME"));
        for (String who : List.of("owner", "admin", "member", "viewer", "non-member", "removed member", "target")) {
            PEOPLE.put(who, register(who.replace(' ', '_').replace('-', '_')));
        }
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void everyWorkspaceOperationAnswersEachRoleANonMemberAndARemovedMemberAsThePermissionTableSays() {
        List<OpenApiDescription.Operation> operations = SPEC.operations().values().stream()
                .filter(o -> o.path().startsWith("/api/workspaces/{wid}")).toList();
        assertTrue(operations.size() >= 21, "the workspace operations: " + operations);
        List<String> checked = new ArrayList<>();
        for (OpenApiDescription.Operation operation : operations) {
            Role needed = minimum(operation);
            for (String caller : CALLERS) {
                Team team = team(operation);
                String where = caller + " on " + operation;
                Map<String, String> before = seenByOwner(team);
                LoopbackClient.Response answer = send(operation, team, PEOPLE.get(caller));
                Role role = Role.parse(caller).orElse(null);
                if (role == null) {
                    assertEquals(404, answer.status(), where + ": " + answer);
                    assertEquals("No workspace " + team.id(), answer.json().path("detail").asText(), where);
                } else if (role.includes(needed)) {
                    assertTrue(answer.status() >= 200 && answer.status() < 300, where + " is allowed: " + answer);
                } else {
                    assertEquals(403, answer.status(), where + ": " + answer);
                    assertEquals(role.wire(), answer.json().path("role").asText(), where);
                    assertEquals(needed.wire(), answer.json().path("required_role").asText(), where);
                }
                if (answer.status() >= 400) {
                    assertEquals("application/problem+json", answer.header("content-type"), where);
                    assertEquals(before, seenByOwner(team), where + " changed nothing");
                }
                checked.add(where);
                dissolve(team);
            }
        }
        assertEquals(operations.size() * CALLERS.size(), checked.size());
    }

    @Test
    void theRulesBesideTheTableHoldAMemberDeletesItsOwnOrdersAnyoneLeavesAndOnlyAnOwnerGrantsOwner() {
        OpenApiDescription.Operation none = SPEC.operation("listMembers");
        Team team = team(none);
        String base = "/api/workspaces/" + team.id();
        Account member = PEOPLE.get("member");
        Account admin = PEOPLE.get("admin");
        String own = client.json("POST", base + "/orders", member.access(), json("title", "The member's own")).json().path("id").asText();
        assertEquals(403, client.send("DELETE", base + "/orders/" + team.orderId(), member.access(), null, null).status(),
                "not the owner's order");
        assertEquals(204, client.send("DELETE", base + "/orders/" + own, member.access(), null, null).status(), "but its own");

        assertRefused(client.json("PUT", base + "/members/" + team.targetId(), admin.access(), json("role", "owner")), "admin", "owner");
        assertRefused(client.send("DELETE", base + "/members/" + PEOPLE.get("owner").id(), admin.access(), null, null), "admin", "owner");
        assertRefused(client.json("POST", base + "/invitations", admin.access(), json("email", "boss@example.org", "role", "owner")),
                "admin", "owner");
        assertEquals(200, client.json("PUT", base + "/members/" + team.targetId(), PEOPLE.get("owner").access(), json("role", "owner"))
                .status(), "an owner grants owner");

        Account viewer = PEOPLE.get("viewer");
        assertEquals(204, client.send("DELETE", base + "/members/" + viewer.id(), viewer.access(), null, null).status(), "a viewer leaves");
        assertEquals(404, client.get(base, viewer.access()).status(), "and is out at once");
        dissolve(team);
    }

    private static void assertRefused(LoopbackClient.Response answer, String role, String required) {
        assertEquals(403, answer.status(), answer.toString());
        assertEquals(role, answer.json().path("role").asText(), answer.toString());
        assertEquals(required, answer.json().path("required_role").asText(), answer.toString());
    }

    private static Role minimum(OpenApiDescription.Operation operation) {
        String wire = SPEC.tree().path("components").path("schemas").path("Role").path("x-permissions")
                .path(operation.permission()).asText();
        return Role.parse(wire).orElseThrow(() -> new AssertionError(operation + " names no action of the permission table"));
    }

    /**
     * A workspace with an owner, an admin, a member, a viewer, a member the owner removed, and the member the member
     * operations act on; an order the owner created; a pending invitation and a Discord webhook where the operation
     * needs them (each only then: the owner's invitations are rate limited, and the old API refuses a second webhook with a 409).
     */
    private static Team team(OpenApiDescription.Operation operation) {
        Account owner = PEOPLE.get("owner");
        String id = WorkspaceIds.next();
        Instant now = Instant.now();
        store.create(new Workspace(id, "Suite " + id, false, 1, now), new Member(id, owner.id(), owner.username(), Role.OWNER, now));
        for (String who : List.of("admin", "member", "viewer", "removed member", "target")) {
            Account account = PEOPLE.get(who);
            Role role = Role.parse(who).orElse(Role.MEMBER);
            store.add(new Member(id, account.id(), account.username(), role, now), 50);
        }
        String base = "/api/workspaces/" + id;
        LoopbackClient.Response removed = client.send("DELETE", base + "/members/" + PEOPLE.get("removed member").id(), owner.access(), null, null);
        assertEquals(204, removed.status(), removed.toString());
        LoopbackClient.Response order = client.json("POST", base + "/orders", owner.access(), json("title", "The owner's order"));
        assertEquals(201, order.status(), order.toString());
        String invitationId = null;
        if (operation.path().contains("/invitations/{id}")) {
            LoopbackClient.Response invited = client.json("POST", base + "/invitations", owner.access(),
                    json("email", "pending-" + UUID.randomUUID() + "@example.org", "role", "member"));
            assertEquals(201, invited.status(), invited.toString());
            invitationId = invited.json().path("id").asText();
        }
        String webhookId = null;
        boolean adds = operation.method().equals("POST") && (operation.path().endsWith("/discord") || operation.path().endsWith("/webhooks"));
        if (operation.path().contains("/discord") && !adds) {
            LoopbackClient.Response connected = client.json("POST", base + "/discord", owner.access(),
                    json("webhook_url", LocalCloudFixtures.webhookUrl(LocalCloudFixtures.webhookId("31"))));
            assertEquals(201, connected.status(), connected.toString());
            webhookId = connected.json().path("id").asText();
        }
        return new Team(id, order.json().path("id").asText(), invitationId, PEOPLE.get("target").id(), webhookId);
    }

    private static LoopbackClient.Response send(OpenApiDescription.Operation operation, Team team, Account caller) {
        String path = operation.path().replace("{wid}", team.id()).replace("{user_id}", team.targetId())
                .replace("/orders/{id}", "/orders/" + team.orderId()).replace("/invitations/{id}", "/invitations/" + team.invitationId())
                .replace("{hid}", String.valueOf(team.webhookId()));
        String body = sampleBody(operation.method() + " " + operation.path());
        assertEquals(operation.hasBody(), body != null, operation + " needs a sample body here");
        return body == null ? client.send(operation.method(), path, caller.access(), null, null) : client.json(operation.method(), path,
                caller.access(), body);
    }

    /** A body the operation accepts from a role allowed to send it (the path's {wid} and ids are the case's own). */
    private static String sampleBody(String operation) {
        return switch (operation) {
            case "PUT /api/workspaces/{wid}" -> json("name", "Renamed by the suite");
            case "PUT /api/workspaces/{wid}/members/{user_id}" -> json("role", "viewer");
            case "POST /api/workspaces/{wid}/orders" -> json("title", "Made by the suite");
            case "PUT /api/workspaces/{wid}/orders/{id}" -> json("status", "failed");
            case "POST /api/workspaces/{wid}/invitations" -> json("email", "invitee-" + UUID.randomUUID() + "@example.org", "role", "member");
            case "POST /api/workspaces/{wid}/discord" -> json("webhook_url", LocalCloudFixtures.webhookUrl(LocalCloudFixtures.webhookId("32")));
            case "PUT /api/workspaces/{wid}/discord", "PUT /api/workspaces/{wid}/discord/webhooks/{hid}" -> json("username", "Suite bot");
            case "POST /api/workspaces/{wid}/discord/webhooks" ->
                json("webhook_url", LocalCloudFixtures.webhookUrl(LocalCloudFixtures.webhookId("33")));
            case "POST /api/workspaces/{wid}/discord/webhooks/{hid}/preview" -> json("event", "completed");
            default -> null;
        };
    }

    /** What the owner sees of the workspace: the workspace, members, orders, pending invitations and Discord settings. */
    private static Map<String, String> seenByOwner(Team team) {
        Map<String, String> seen = new LinkedHashMap<>();
        String base = "/api/workspaces/" + team.id();
        for (String path : List.of(base, base + "/members", base + "/orders?limit=100", base + "/invitations", base + "/discord",
                base + "/discord/webhooks")) {
            LoopbackClient.Response response = client.get(path, PEOPLE.get("owner").access());
            seen.put(path, response.status() + " " + response.body());
        }
        return seen;
    }

    /** Deletes the case's workspace (if the case did not) so no one reaches the limit of 50 workspaces. */
    private static void dissolve(Team team) {
        store.workspace(team.id()).ifPresent(workspace -> store.delete(workspace, store.members(team.id())));
        store.purge(team.id());
    }

    private static Account register(String name) {
        String username = name + "_" + UUID.randomUUID().toString().substring(0, 8);
        String email = username.toLowerCase(Locale.ROOT) + "@example.org";
        LoopbackClient.Response registered = client.json("POST", "/api/auth/register", null,
                json("email", email, "username", username, "password", PASSWORD));
        assertEquals(201, registered.status(), registered.toString());
        LoopbackClient.Response verified = client.json("POST", "/api/auth/verify-email", null,
                json("token", LocalCloudFixtures.verificationToken(email)));
        assertEquals(200, verified.status(), verified.toString());
        LoopbackClient.Response tokens = client.send("POST", "/api/auth/token", null, "application/x-www-form-urlencoded",
                "grant_type=password&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8));
        assertEquals(200, tokens.status(), tokens.toString());
        JsonNode answer = tokens.json();
        return new Account(registered.json().path("id").asText(), username, answer.path("access_token").asText());
    }
}
