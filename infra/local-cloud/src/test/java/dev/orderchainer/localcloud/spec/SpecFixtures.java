package dev.orderchainer.localcloud.spec;

import static dev.orderchainer.local.JsonText.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderchainer.auth.domain.User;
import dev.orderchainer.auth.store.DynamoDbUserStore;
import dev.orderchainer.local.FakeDiscord;
import dev.orderchainer.localcloud.LocalCloud;
import dev.orderchainer.localcloud.LocalCloudFixtures;
import dev.orderchainer.workspaces.domain.Invitation;
import dev.orderchainer.workspaces.domain.Invitations;
import dev.orderchainer.workspaces.domain.Member;
import dev.orderchainer.workspaces.domain.Role;
import dev.orderchainer.workspaces.domain.WorkspaceService;
import dev.orderchainer.workspaces.store.DynamoDbWorkspaceStore;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What cases set up with: users, orders, webhooks, the cloud's Discord sink and table. */
public final class SpecFixtures {
    public static final String PASSWORD = "violet kettle orbit mango";
    /** A well-formed order id no order has. */
    public static final String UNKNOWN_ORDER = "01JDQ8X3V7M2K9P4R6T8W0Y2A4";
    private final LocalCloud cloud;

    SpecFixtures(LocalCloud cloud) {
        this.cloud = cloud;
    }

    /** A registered user's email (unverified yet) and username: both "spec" and six random characters. */
    public record Account(String name) {
        public String email() {
            return name + "@example.org";
        }

        public String registration() {
            return json("email", email(), "username", name, "password", PASSWORD);
        }

        public String login() {
            return json("username", name, "password", PASSWORD);
        }
    }

    public Account newAccount() {
        return new Account("spec" + UUID.randomUUID().toString().substring(0, 6));
    }

    /** Registers, verifies and logs in a new account through the API; its token pair. */
    public JsonNode verifiedUser(SpecApi api) throws IOException {
        Account account = newAccount();
        api.json("register", "/api/auth/register", null, account.registration());
        api.json("verifyEmail", "/api/auth/verify-email", null, json("token", verificationToken(account)));
        return api.json("token", "/api/auth/token", null, account.login());
    }

    public String verifiedUserToken(SpecApi api) throws IOException {
        return verifiedUser(api).path("access_token").asText();
    }

    /** An access token for a user with no account record (so not verified either). */
    public String tokenWithoutAccount() {
        return LocalCloudFixtures.accessToken(cloud, UUID.randomUUID().toString());
    }

    public String accessToken(String userId) {
        return LocalCloudFixtures.accessToken(cloud, userId);
    }

    public String verificationToken(Account account) {
        return LocalCloudFixtures.verificationToken(account.email());
    }

    /** Creates an order through the API; its id. */
    public String order(SpecApi api, String token, String json) throws IOException {
        return api.json("createOrder", "/api/orders", token, json).path("id").asText();
    }

    /** Creates an order in a workspace through the API; its id. */
    public String workspaceOrder(SpecApi api, String token, String workspaceId, String json) throws IOException {
        return api.json("createWorkspaceOrder", "/api/workspaces/" + workspaceId + "/orders", token, json).path("id").asText();
    }

    /** Two new orders, the second depending on the first: their ids in that order. */
    public List<String> orderAndDependent(SpecApi api, String token) throws IOException {
        String first = order(api, token, "{\"title\":\"Spec\"}");
        return List.of(first, order(api, token, "{\"title\":\"Child\",\"dependencies\":[\"" + first + "\"]}"));
    }

    /** A new verified user connected to a Discord webhook the cloud's Discord knows; their access token. */
    public String connectedUserToken(SpecApi api) throws IOException {
        String user = verifiedUserToken(api);
        connectDiscord(api, user, webhook());
        return user;
    }

    /** Connects {@code user} to Discord through the API. */
    public void connectDiscord(SpecApi api, String user, String webhookId) throws IOException {
        api.json("createDiscordIntegration", "/api/discord", user, json("webhook_url", webhookUrl(webhookId)));
    }

    /** A webhook the cloud's Discord knows. */
    public String webhook() {
        return LocalCloudFixtures.webhookId("14");
    }

    public static String webhookUrl(String webhookId) {
        return LocalCloudFixtures.webhookUrl(webhookId);
    }

    public FakeDiscord discord() {
        return cloud.discordSink();
    }

    /** Discord answers the next call with a 500. */
    public void discordFailsOnce() {
        cloud.discordSink().script(new FakeDiscord.Scripted(500, "{\"message\":\"Internal Server Error\"}", Map.of()));
    }

    /** A verified account made directly in the table: its id, username and an access token. */
    public record Person(String userId, String username, String token) {
        public String email() {
            return username + "@example.org";
        }
    }

    public Person person() {
        String userId = UUID.randomUUID().toString();
        String username = "spec" + userId.substring(0, 6);
        new DynamoDbUserStore(dynamoDb(), "AppTable").create(new User(userId, new Person(userId, username, "").email(), username, "unused", true,
                Instant.parse("2026-11-01T00:00:00Z"), 0, null));
        return new Person(userId, username, accessToken(userId));
    }

    /** Creates a workspace through the API, {@code owner} its owner; its id. */
    public String workspace(SpecApi api, Person owner, String name) throws IOException {
        return api.json("createWorkspace", "/api/workspaces", owner.token(), json("name", name)).path("id").asText();
    }

    /** Makes {@code person} a member with {@code role} directly in the table, as an accepted invitation does. */
    public void join(String workspaceId, Person person, Role role) {
        new DynamoDbWorkspaceStore(dynamoDb(), "AppTable").add(new Member(workspaceId, person.userId(), person.username(), role,
                Instant.now()), WorkspaceService.MAX_MEMBERS);
    }

    /** Invites {@code invitee} through the API; the token its mail carries. */
    public String invite(SpecApi api, Person admin, String workspaceId, Person invitee, Role role) throws IOException {
        api.json("createInvitation", "/api/workspaces/" + workspaceId + "/invitations", admin.token(), json("email", invitee.email(),
                "role", role.wire()));
        return LocalCloudFixtures.invitationToken(invitee.email());
    }

    /** {@code count} pending invitations to made-up addresses, straight into the table (past any inviter's hourly limit). */
    public void pendingInvitations(String workspaceId, int count) {
        DynamoDbWorkspaceStore store = new DynamoDbWorkspaceStore(dynamoDb(), "AppTable");
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            String id = "inv_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
            store.invite(new Invitation(id, workspaceId, "pending" + i + "@example.org", Role.VIEWER, "spec", now,
                    now.plus(Invitations.LIFETIME), "unused"));
        }
    }

    /** A workspace of a new owner with one more member of each other role: owner, admin, member, viewer in that order. */
    public List<Person> teamOfEachRole(SpecApi api, String workspaceName) throws IOException {
        Person owner = person();
        String workspace = workspace(api, owner, workspaceName);
        List<Person> team = new ArrayList<>(List.of(owner));
        for (Role role : List.of(Role.ADMIN, Role.MEMBER, Role.VIEWER)) {
            Person member = person();
            join(workspace, member, role);
            team.add(member);
        }
        lastWorkspace = workspace;
        return team;
    }

    private String lastWorkspace;

    /** The workspace {@link #teamOfEachRole} made last. */
    public String lastWorkspace() {
        return lastWorkspace;
    }

    public DynamoDbClient dynamoDb() {
        return cloud.services().dynamoDb();
    }
}
