package dev.orderchainer.workspaces.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orderchainer.common.domain.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the activity log: who may, what a page may ask for, and what an entry says. */
class ActivityFeedTest {
    private static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");
    private final List<String> asked = new ArrayList<>();
    private final ActivityLog log = new ActivityLog() {
        @Override
        public void record(List<Activity> entries) {
            throw new UnsupportedOperationException("the feed only reads");
        }

        @Override
        public Page page(String workspaceId, String orderId, int limit, String cursor) {
            asked.add(workspaceId + " " + orderId + " " + limit + " " + cursor);
            Activity entry = new Activity("act_1", workspaceId, AT, "u_ada", "ada", "order.created", "o_1", "created “Dough”");
            return new Page(List.of(entry), "next");
        }
    };
    private final ActivityFeed feed = new ActivityFeed(log);

    @Test
    void everyRoleReadsAPageOfEntriesAsTheLogGivesThem() {
        for (Role role : Role.values()) {
            ActivityFeed.Page page = feed.page(new Access("ws_1", "u_" + role, role), "o_1", 1, "c");
            assertEquals("next", page.nextCursor());
            assertEquals(List.of(new ActivityView("act_1", AT.toString(), new ActivityView.Actor("u_ada", "ada"), "order.created", "o_1",
                    "created “Dough”")), page.items());
        }
        assertEquals("ws_1 o_1 1 c", asked.get(0));
    }

    @Test
    void aPageHoldsOneToAHundredEntries() {
        Access viewer = new Access("ws_1", "u_v", Role.VIEWER);
        feed.page(viewer, null, ActivityFeed.MAX_PAGE, null);
        assertEquals("ws_1 null 100 null", asked.get(0));
        for (int limit : new int[] {0, -1, ActivityFeed.MAX_PAGE + 1}) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> feed.page(viewer, null, limit, null));
            assertEquals("limit", refused.field());
        }
        assertEquals(1, asked.size(), "a refused page reads nothing");
    }

    @Test
    void theOrderFilterMustLookLikeAnOrderId() {
        Access viewer = new Access("ws_1", "u_v", Role.VIEWER);
        for (String bad : new String[] {"", "a b", "x".repeat(65), "o_1\n", "../o"}) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> feed.page(viewer, bad, 10, null));
            assertEquals("order_id", refused.field());
        }
        feed.page(viewer, "x".repeat(64), 10, null);
        assertEquals(List.of("ws_1 " + "x".repeat(64) + " 10 null"), asked);
    }

    @Test
    void whatTheServiceDidByItselfHasNoActorId() {
        ActivityView view = ActivityView.of(new Activity("a", "w", AT, null, Activity.SERVICE, "order.unassigned", "o", "unassigned"));
        assertNull(view.actor().userId());
        assertEquals("OrderChainer", view.actor().username());
    }
}
