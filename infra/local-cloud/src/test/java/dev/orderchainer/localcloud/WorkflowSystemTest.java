package dev.orderchainer.localcloud;

import static dev.orderchainer.local.JsonText.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderchainer.auth.domain.User;
import dev.orderchainer.auth.store.DynamoDbUserStore;
import dev.orderchainer.local.ProjectFiles;
import dev.orderchainer.workspaces.domain.Member;
import dev.orderchainer.workspaces.domain.Role;
import dev.orderchainer.workspaces.domain.Workspace;
import dev.orderchainer.workspaces.domain.WorkspaceIds;
import dev.orderchainer.workspaces.domain.WorkspaceService;
import dev.orderchainer.workspaces.store.DynamoDbWorkspaceStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency workflow end to end: HTTP API, table stream, workflow, queue, notifier, Discord sink. */
class WorkflowSystemTest {
    private static LocalCloud cloud;
    private static String access;
    private static String userId;
    private static String webhookId;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start(LocalCloud.Options.forTests(ProjectFiles.template()));
        userId = UUID.randomUUID().toString();
        webhookId = "1187654321098765" + (100 + (int) (Math.random() * 800));
        LocalCloudFixtures.seedWebhook(cloud.services().dynamoDb(), userId, webhookId, LocalCloudFixtures.WEBHOOK_TOKEN, null);
        access = LocalCloudFixtures.accessToken(cloud, userId);
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static JsonNode call(String method, String path, String json) throws Exception {
        return LocalCloudFixtures.call(cloud, access, method, path, json);
    }

    private static List<String> titles() {
        return LocalCloudFixtures.announcements(cloud, webhookId);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what + "; Discord got " + titles());
    }

    @Test
    void completingTheLastDependencyAnnouncesReadinessAndStartsAutoActivatedOrders() throws Exception {
        String paper = call("POST", "/api/orders", "{\"title\":\"Paper\"}").path("id").asText();
        String print = call("POST", "/api/orders", "{\"title\":\"Print\",\"auto_activate\":true,\"dependencies\":[\"" + paper + "\"]}")
                .path("id").asText();
        call("PUT", "/api/orders/" + paper, "{\"status\":\"active\"}");
        call("PUT", "/api/orders/" + paper, "{\"status\":\"completed\"}");
        await(() -> titles().contains("Order ready: Print"), "the ready notification");
        await(() -> {
            try {
                return call("GET", "/api/orders/" + print, null).path("status").asText().equals("active");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, "auto-activation");
        await(() -> titles().contains("Order started: Print"), "the notification of the automatic start");
        assertEquals(1, titles().stream().filter("Order ready: Print"::equals).count(), "announced once");
    }

    @Test
    void aFailedDependencyBlocksPendingDependentsUntilItIsPendingAgain() throws Exception {
        String ink = call("POST", "/api/orders", "{\"title\":\"Ink\"}").path("id").asText();
        String label = call("POST", "/api/orders", "{\"title\":\"Label\",\"dependencies\":[\"" + ink + "\"]}").path("id").asText();
        call("PUT", "/api/orders/" + ink, "{\"status\":\"failed\"}");
        await(() -> titles().contains("Order blocked by a failed dependency: Label"), "the blocked notification");
        await(() -> {
            try {
                return call("GET", "/api/orders/" + label, null).path("blocked_by_failure").toString().equals("[\"" + ink + "\"]");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, "blocked_by_failure on the dependent");
        call("PUT", "/api/orders/" + ink, "{\"status\":\"pending\"}");
        await(() -> {
            try {
                return call("GET", "/api/orders/" + label, null).path("blocked_by_failure").isEmpty();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, "the mark to clear");
    }

    @Test
    void dependingOnAnAlreadyFailedOrderBlocksAndDroppingThatDependencyClearsIt() throws Exception {
        String glue = call("POST", "/api/orders", "{\"title\":\"Glue\"}").path("id").asText();
        call("PUT", "/api/orders/" + glue, "{\"status\":\"failed\"}");
        String box = call("POST", "/api/orders", "{\"title\":\"Box\",\"dependencies\":[\"" + glue + "\"]}").path("id").asText();
        String lid = call("POST", "/api/orders", "{\"title\":\"Lid\"}").path("id").asText();
        call("PUT", "/api/orders/" + lid, "{\"dependencies\":[\"" + glue + "\"]}");
        for (String[] order : new String[][] {{box, "Box"}, {lid, "Lid"}}) {
            await(() -> titles().contains("Order blocked by a failed dependency: " + order[1]), "the blocked notification for " + order[1]);
            await(() -> failureMarks(order[0]).equals("[\"" + glue + "\"]"), "blocked_by_failure on " + order[1]);
        }
        call("PUT", "/api/orders/" + lid, "{\"dependencies\":[]}");
        await(() -> failureMarks(lid).equals("[]"), "the mark to clear when the dependency is removed");
        assertEquals("[\"" + glue + "\"]", failureMarks(box), "the other order keeps its mark");
        assertEquals(1, titles().stream().filter("Order blocked by a failed dependency: Box"::equals).count(), "announced once");
    }

    @Test
    void aDependentCreatedJustBeforeItsDependencyFailsIsAnnouncedBlockedOnce() throws Exception {
        List<String> dependents = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String tape = call("POST", "/api/orders", json("title", "Tape " + i)).path("id").asText();
            call("POST", "/api/orders", json("title", "Parcel " + i, "dependencies", List.of(tape)));
            call("PUT", "/api/orders/" + tape, "{\"status\":\"failed\"}");
            dependents.add("Order blocked by a failed dependency: Parcel " + i);
        }
        await(() -> titles().containsAll(dependents), "the blocked notifications");
        // Both stream records that see each failure (the dependent's insert, the failure) are handled by now;
        // a marker created afterwards arrives after anything they queued for this user (one FIFO group).
        String marker = call("POST", "/api/orders", "{\"title\":\"Marker\"}").path("id").asText();
        call("PUT", "/api/orders/" + marker, "{\"title\":\"Marker seen\"}");
        await(() -> titles().contains("Order updated: Marker seen"), "the marker");
        Thread.sleep(1500);
        for (String title : dependents) {
            assertEquals(1, titles().stream().filter(title::equals).count(), title + " announced once; Discord got " + titles());
        }
    }

    @Test
    void embedsCarryTheTimeOfTheChangeItself() throws Exception {
        JsonNode created = call("POST", "/api/orders", "{\"title\":\"Stamp\"}");
        JsonNode updated = call("PUT", "/api/orders/" + created.path("id").asText(), "{\"title\":\"Stamp 2\"}");
        await(() -> titles().contains("Order updated: Stamp 2"), "the update notification");
        assertEquals(Instant.parse(created.path("created_at").asText()), Instant.parse(embed("Order created: Stamp").path("timestamp").asText()));
        assertEquals(Instant.parse(updated.path("updated_at").asText()), Instant.parse(embed("Order updated: Stamp 2").path("timestamp").asText()));
    }

    private static JsonNode embed(String title) {
        return LocalCloudFixtures.embeds(cloud, webhookId).stream().filter(e -> e.path("title").asText().equals(title))
                .findFirst().orElseThrow();
    }

    private static String failureMarks(String orderId) {
        try {
            return call("GET", "/api/orders/" + orderId, null).path("blocked_by_failure").toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aMemberWhoLeavesIsUnassignedFromEveryOrderOfThatWorkspace() throws Exception {
        DynamoDbWorkspaceStore workspaces = new DynamoDbWorkspaceStore(cloud.services().dynamoDb(), "AppTable");
        String workspace = WorkspaceIds.next();
        workspaces.create(new Workspace(workspace, "Kitchen", false, 1, Instant.now()), new Member(workspace, userId, "ada", Role.OWNER,
                Instant.now()));
        String grace = UUID.randomUUID().toString();
        workspaces.add(new Member(workspace, grace, "grace", Role.MEMBER, Instant.now()), WorkspaceService.MAX_MEMBERS);
        String adaName = profile(userId, "ada");
        String graceName = profile(grace, "grace");
        String teamWebhook = "1187654321098766" + (100 + (int) (Math.random() * 800));
        LocalCloudFixtures.seedWebhook(cloud.services().dynamoDb(), workspace, teamWebhook, LocalCloudFixtures.WEBHOOK_TOKEN, null);
        String orders = "/api/workspaces/" + workspace + "/orders";
        List<String> assigned = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            assigned.add(call("POST", orders, json("title", "Grace's " + i, "assignee", grace)).path("id").asText());
        }
        String own = call("POST", orders, json("title", "Ada's", "assignee", userId)).path("id").asText();
        LocalCloudFixtures.call(cloud, access, "DELETE", "/api/workspaces/" + workspace + "/members/" + grace, null);
        await(() -> assigned.stream().allMatch(id -> assignee(orders + "/" + id).isEmpty()), "grace's orders unassigned");
        assertEquals(userId, assignee(orders + "/" + own), "the others keep theirs");
        // The activity log, from the same stream: the removal by ada, then the service's unassigning, newest first.
        await(() -> actions(workspace).stream().filter(a -> a.equals("order.updated by the service")).count() == 3, "the activity log");
        List<String> actions = actions(workspace);
        assertEquals("member.removed", actions.get(actions.indexOf("order.updated by the service") + 3));
        assertEquals(4, actions.stream().filter(a -> a.equals("order.created")).count());
        assertEquals(2, actions.stream().filter(a -> a.equals("member.joined")).count());
        // Discord names who did it and whom it is for, as plain text; the service's unassigning names nobody.
        await(() -> LocalCloudFixtures.embeds(cloud, teamWebhook).stream().filter(e -> e.path("title").asText().startsWith("Order updated"))
                .count() == 3, "the unassignments in Discord");
        List<String> footers = LocalCloudFixtures.embeds(cloud, teamWebhook).stream().map(e -> e.path("title").asText() + " | "
                + e.path("footer").path("text").asText()).toList();
        assertTrue(footers.contains("Order created: Grace's 0 | OrderChainer · created · by " + adaName + " · assigned to " + graceName),
                footers.toString());
        assertTrue(footers.contains("Order created: Ada's | OrderChainer · created · by " + adaName + " · assigned to " + adaName));
        assertTrue(footers.contains("Order updated: Grace's 0 | OrderChainer · updated"), footers.toString());
    }

    /** A user's profile (the activity log and Discord take names from it); its unique username. */
    private static String profile(String id, String name) {
        String username = name + id.substring(0, 6);
        new DynamoDbUserStore(cloud.services().dynamoDb(), "AppTable").create(new User(id, username + "@example.org", username, "unused", true,
                Instant.now(), 0, null));
        return username;
    }

    private static List<String> actions(String workspace) {
        try {
            List<String> actions = new ArrayList<>();
            call("GET", "/api/workspaces/" + workspace + "/activity", null).path("items").forEach(entry -> actions.add(
                    entry.path("action").asText() + (entry.path("actor").path("user_id").isNull() ? " by the service" : "")));
            return actions;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String assignee(String path) {
        try {
            JsonNode order = call("GET", path, null);
            return order.path("assignee").isNull() ? "" : order.path("assignee").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
