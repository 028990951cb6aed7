package dev.orderchainer.notifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import dev.orderchainer.auth.domain.User;
import dev.orderchainer.auth.store.DynamoDbUserStore;
import dev.orderchainer.local.LocalLambdaContext;
import dev.orderchainer.local.LocalServices;
import dev.orderchainer.workspaces.domain.Activity;
import dev.orderchainer.workspaces.domain.ActivityLog;
import dev.orderchainer.workspaces.domain.InvalidActivityCursorException;
import dev.orderchainer.workspaces.domain.WorkspaceIds;
import dev.orderchainer.workspaces.store.DynamoDbActivityLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The workflow function writes each change of a workspace into its activity log once, however often the stream hands it
 * the same batch; a change nobody made (a purge, an accepted invitation's deletion, a workflow mark) is no activity.
 */
class ActivityLogFromTheStreamTest {
    private static final LocalServices LOCAL = LocalServices.shared();
    private final OrderWorkflowHandler workflow = new OrderWorkflowHandler(LOCAL.environmentOf("OrderWorkflowFunction"));
    private final ActivityLog log = new DynamoDbActivityLog(LOCAL.dynamoDb(), "AppTable");
    private final String workspace = WorkspaceIds.next();
    private final String ada = account("ada");
    private final String grace = account("grace");
    private final List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
    private Instant at = Instant.parse("2026-12-04T09:00:00Z");

    private static String account(String name) {
        String id = UUID.randomUUID().toString();
        new DynamoDbUserStore(LOCAL.dynamoDb(), "AppTable").create(new User(id, name + id.substring(0, 6) + "@example.org",
                name + id.substring(0, 6), "unused", true, Instant.parse("2026-11-01T00:00:00Z"), 0, null));
        return id;
    }

    private static Map<String, AttributeValue> image(String... namesAndValues) {
        Map<String, AttributeValue> image = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = namesAndValues[i];
            image.put(name, name.equals("version") ? new AttributeValue().withN(namesAndValues[i + 1])
                    : new AttributeValue().withS(namesAndValues[i + 1]));
        }
        return image;
    }

    private static Map<String, AttributeValue> with(Map<String, AttributeValue> image, String... namesAndValues) {
        Map<String, AttributeValue> changed = new LinkedHashMap<>(image);
        changed.putAll(image(namesAndValues));
        return changed;
    }

    private static Map<String, AttributeValue> without(Map<String, AttributeValue> image, String name) {
        Map<String, AttributeValue> changed = new LinkedHashMap<>(image);
        changed.remove(name);
        return changed;
    }

    private void change(String sk, Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        at = at.plusSeconds(1);
        StreamRecord stream = new StreamRecord().withKeys(Map.of("pk", new AttributeValue().withS("WS#" + workspace),
                "sk", new AttributeValue().withS(sk))).withSequenceNumber(Long.toString(100 + records.size()))
                .withApproximateCreationDateTime(Date.from(at));
        if (before != null) {
            stream.setOldImage(before);
        }
        if (after != null) {
            stream.setNewImage(after);
        }
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventID(UUID.randomUUID().toString());
        record.setEventName(before == null ? "INSERT" : after == null ? "REMOVE" : "MODIFY");
        record.setDynamodb(stream);
        records.add(record);
    }

    private void deliver() {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records);
        assertEquals(List.of(), workflow.handleRequest(event, new LocalLambdaContext("OrderWorkflowFunction", 1024, 30))
                .getBatchItemFailures());
    }

    private List<String> summaries(String orderId) {
        return log.page(workspace, orderId, 100, null).items().stream().map(a -> a.actorUsername() + ": " + a.action() + " " + a.summary())
                .toList();
    }

    @Test
    void everyChangeIsInTheLogOnceNewestFirstWithItsActorEvenWhenTheBatchIsDeliveredTwice() {
        String orderId = "01JDQ8X3V7M2K9P4R6T8W0Y2A4";
        String adaName = name(ada);
        String graceName = name(grace);
        Map<String, AttributeValue> member = image("workspace_id", workspace, "user_id", grace, "username", graceName, "role", "member");
        change("MEMBER#" + grace, null, member);
        Map<String, AttributeValue> order = image("id", orderId, "user_id", workspace, "title", "Paint", "status", "pending",
                "created_by", ada, "updated_by", ada, "created_at", "2026-12-04T09:00:02Z", "updated_at", "2026-12-04T09:00:02Z", "version", "1");
        change("ORDER#" + orderId, null, order);
        Map<String, AttributeValue> assigned = with(order, "assignee", grace, "updated_at", "2026-12-04T09:00:03Z", "version", "2");
        change("ORDER#" + orderId, order, assigned);
        Map<String, AttributeValue> started = with(assigned, "status", "active", "updated_by", grace, "updated_at", "2026-12-04T09:00:04Z",
                "version", "3");
        change("ORDER#" + orderId, assigned, started);
        // A mark of the workflow's: the version stays, nobody edited anything.
        change("ORDER#" + orderId, started, with(started, "deleted_at", "2026-12-04T09:00:05Z"));
        change("MEMBER#" + grace, member, with(member, "role", "admin", "changed_by", ada));
        change("INVITATION#inv_1", null, image("email", "ken@example.org", "role", "viewer", "invited_by", grace));
        change("INVITATION#inv_1", image("email", "ken@example.org", "role", "viewer", "invited_by", grace, "changed_by", ada), null);
        // Accepted: removed without anyone's mark (the member's joining is the entry).
        change("INVITATION#inv_2", image("email", "lin@example.org", "role", "viewer", "invited_by", grace), null);
        change("WORKSPACE", image("name", "Kitchen"), image("name", "Larder", "changed_by", ada));
        change("DISCORD", null, image("updated_at", "2026-12-04T09:00:11Z", "changed_by", ada));
        // Leaving comes first; the workflow's unassigning follows, in the workspace's name.
        change("MEMBER#" + grace, with(member, "changed_by", grace), null);
        change("ORDER#" + orderId, started, with(without(started, "assignee"), "updated_by", workspace, "updated_at", "2026-12-04T09:00:13Z",
                "version", "4"));
        change("ORDER#" + orderId, with(started, "deleted_by", ada, "deleted_at", "2026-12-04T09:00:14Z"), null);
        // A purge's removal names nobody.
        change("ORDER#01JDQ8X3V7M2K9P4R6T8W0Y2B5", image("id", "01JDQ8X3V7M2K9P4R6T8W0Y2B5", "title", "Gone", "version", "1"), null);

        deliver();
        deliver();

        List<String> expected = List.of(
                adaName + ": order.deleted deleted “Paint”",
                Activity.SERVICE + ": order.updated unassigned “Paint” (" + graceName + " left the workspace)",
                graceName + ": member.left " + graceName + " left",
                adaName + ": discord.changed set up Discord notifications",
                adaName + ": workspace.renamed renamed the workspace from “Kitchen” to “Larder”",
                adaName + ": invitation.revoked revoked the invitation of ken@example.org",
                graceName + ": invitation.created invited ken@example.org as viewer",
                adaName + ": member.role_changed changed " + graceName + "'s role from member to admin",
                graceName + ": order.status_changed moved “Paint” from pending to active",
                adaName + ": order.updated assigned “Paint” to " + graceName,
                adaName + ": order.created created “Paint”",
                graceName + ": member.joined " + graceName + " joined as member");
        assertEquals(expected, summaries(null));
        assertEquals(List.of(expected.get(0), expected.get(1), expected.get(8), expected.get(9), expected.get(10)), summaries(orderId));
        assertNull(log.page(workspace, null, 100, null).items().get(1).actorId(), "the service's own change has no user");
    }

    @Test
    void changesOfOneSecondSortByTheTimeTheStoresStampedNotTheStreamsWholeSecond() {
        String graceName = name(grace);
        at = Instant.parse("2026-12-04T09:59:59Z");
        // Both records carry the stream's 10:00:00; the order was made at .400 and grace removed at .700, then joined again at .900.
        Map<String, AttributeValue> order = image("id", "01JDQ8X3V7M2K9P4R6T8W0Y2C6", "title", "Paint", "status", "pending", "created_by", ada,
                "updated_by", ada, "created_at", "2026-12-04T10:00:00.400Z", "updated_at", "2026-12-04T10:00:00.400Z", "version", "1");
        Map<String, AttributeValue> member = image("workspace_id", workspace, "user_id", grace, "username", graceName, "role", "member",
                "joined_at", "2026-12-04T10:00:00.900Z");
        change("MEMBER#" + grace, with(member, "changed_by", ada, "changed_at", "2026-12-04T10:00:00.700Z"), null);
        at = at.minusSeconds(1);
        change("ORDER#01JDQ8X3V7M2K9P4R6T8W0Y2C6", null, order);
        at = at.minusSeconds(1);
        change("MEMBER#" + grace, null, member);

        deliver();

        assertEquals(List.of("member.joined", "member.removed", "order.created"),
                log.page(workspace, null, 100, null).items().stream().map(Activity::action).toList());
        assertEquals(Instant.parse("2026-12-04T10:00:00.700Z"), log.page(workspace, null, 100, null).items().get(1).at());
    }

    @Test
    void pagesWalkTheLogWithoutRepeatsAndACursorServesOnlyItsListing() {
        for (int i = 0; i < 7; i++) {
            change("INVITATION#inv_" + i, null, image("email", "p" + i + "@example.org", "role", "viewer", "invited_by", ada));
        }
        deliver();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            ActivityLog.Page page = log.page(workspace, null, 3, cursor);
            page.items().forEach(a -> seen.add(a.summary()));
            cursor = page.nextCursor();
        } while (cursor != null);
        List<String> expected = new ArrayList<>();
        for (int i = 6; i >= 0; i--) {
            expected.add("invited p" + i + "@example.org as viewer");
        }
        assertEquals(expected, seen);
        String second = log.page(workspace, null, 3, null).nextCursor();
        assertThrows(InvalidActivityCursorException.class,
                () -> log.page(WorkspaceIds.next(), null, 3, second));
        assertThrows(InvalidActivityCursorException.class,
                () -> log.page(workspace, "01JDQ8X3V7M2K9P4R6T8W0Y2A4", 3, second));
    }

    private static String name(String userId) {
        return new DynamoDbUserStore(LOCAL.dynamoDb(), "AppTable").findById(userId).orElseThrow().username();
    }
}
