package dev.orderchainer.workspaces;

import static dev.orderchainer.local.JsonText.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.orderchainer.local.ApiGatewayV2Event;
import dev.orderchainer.local.HttpInvocation;
import dev.orderchainer.local.JsonText;
import dev.orderchainer.local.LocalLambdaContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The invitation functions as template.yaml configures them (file mail instead of SES), end to end: the mail's link joins. */
class InvitationsEndpointsTest {
    private static final Pattern LINK = Pattern.compile("https://app\\.example/invitations/accept\\?token=(\\S+)");
    private final WorkspacesApi api = new WorkspacesApi();
    @TempDir
    Path mailDir;

    private RequestStreamHandler handler(String function) {
        Map<String, String> env = new HashMap<>(api.local.environmentOf(function));
        env.put("EMAIL_TRANSPORT", "file");
        env.put("MAIL_DIR", mailDir.toString());
        env.put("EMAIL_FROM", "OrderChainer <no-reply@orderchainer.test>");
        if (env.containsKey("INVITATION_URL")) {
            env.put("INVITATION_URL", "https://app.example/invitations/accept?token=");
        }
        return switch (function) {
            case "CreateInvitationFunction" -> new CreateInvitationHandler(env);
            case "ListInvitationsFunction" -> new ListInvitationsHandler(env);
            case "DeleteInvitationFunction" -> new DeleteInvitationHandler(env);
            default -> new AcceptInvitationHandler(env);
        };
    }

    private HttpInvocation.Response call(String function, WorkspacesApi.Person caller, ApiGatewayV2Event event) {
        return HttpInvocation.invoke(handler(function), event.header("authorization", "Bearer " + caller.token),
                new LocalLambdaContext("workspaces", 1024, 10));
    }

    private HttpInvocation.Response invite(WorkspacesApi.Person admin, String workspace, String email, String role) {
        return call("CreateInvitationFunction", admin, ApiGatewayV2Event.request("POST", "/api/workspaces/" + workspace + "/invitations")
                .routeKey("POST /api/workspaces/{wid}/invitations").pathParameter("wid", workspace).jsonBody(json("email", email, "role", role)));
    }

    private HttpInvocation.Response accept(WorkspacesApi.Person caller, String token) {
        return call("AcceptInvitationFunction", caller, ApiGatewayV2Event.request("POST", "/api/invitations/accept")
                .routeKey("POST /api/invitations/accept").jsonBody(json("token", token)));
    }

    private HttpInvocation.Response list(WorkspacesApi.Person caller, String workspace) {
        return call("ListInvitationsFunction", caller, ApiGatewayV2Event.request("GET", "/api/workspaces/" + workspace + "/invitations")
                .routeKey("GET /api/workspaces/{wid}/invitations").pathParameter("wid", workspace));
    }

    private HttpInvocation.Response revoke(WorkspacesApi.Person caller, String workspace, String id) {
        return call("DeleteInvitationFunction", caller, ApiGatewayV2Event.request("DELETE", "/api/workspaces/" + workspace + "/invitations/" + id)
                .routeKey("DELETE /api/workspaces/{wid}/invitations/{id}").pathParameter("wid", workspace).pathParameter("id", id));
    }

    private String tokenMailedTo(String email) throws IOException {
        try (Stream<Path> mails = Files.list(mailDir)) {
            List<String> found = mails.map(this::read).filter(text -> text.contains("To: " + email + "\r\n")).toList();
            assertEquals(1, found.size(), "one mail to " + email);
            Matcher link = LINK.matcher(found.get(0));
            assertTrue(link.find(), found.get(0));
            return link.group(1);
        }
    }

    private String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theMailedLinkMakesTheInvitedAccountAMemberOnce() throws IOException {
        WorkspacesApi.Person ada = api.new Person();
        WorkspacesApi.Person grace = api.new Person();
        WorkspacesApi.Person eve = api.new Person();
        String workspace = ada.createId("Kitchen");
        HttpInvocation.Response invited = invite(ada, workspace, grace.username + "@example.org", "member");
        assertEquals(201, invited.status(), invited.bodyText());
        assertEquals(List.of(invited.json().path("id").asText()), JsonText.texts(list(ada, workspace).json().path("items"), "id"));
        String token = tokenMailedTo(grace.username + "@example.org");
        assertTrue(!invited.bodyText().contains(token.substring(token.lastIndexOf('.') + 1)), "the token is only in the mail");

        assertEquals(403, accept(eve, token).status(), "another address");
        assertEquals(404, list(grace, workspace).status(), "not a member yet");
        HttpInvocation.Response accepted = accept(grace, token);
        assertEquals(200, accepted.status(), accepted.bodyText());
        assertEquals(workspace, accepted.json().path("workspace_id").asText());
        assertEquals("member", accepted.json().path("role").asText());
        assertEquals(200, list(grace, workspace).status(), "a member now");
        assertEquals(2, grace.members(workspace).json().path("items").size());
        HttpInvocation.Response again = accept(grace, token);
        assertEquals(400, again.status());
        assertEquals("token", again.json().path("field").asText());
    }

    @Test
    void aRevokedInvitationsLinkJoinsNobody() throws IOException {
        WorkspacesApi.Person ada = api.new Person();
        WorkspacesApi.Person grace = api.new Person();
        String workspace = ada.createId("Kitchen");
        String id = invite(ada, workspace, grace.username + "@example.org", "viewer").json().path("id").asText();
        String token = tokenMailedTo(grace.username + "@example.org");
        assertEquals(204, revoke(ada, workspace, id).status());
        assertEquals(404, revoke(ada, workspace, id).status());
        assertEquals(400, accept(grace, token).status());
        assertEquals(404, grace.members(workspace).status());
        assertEquals(0, list(ada, workspace).json().path("items").size());
    }
}
