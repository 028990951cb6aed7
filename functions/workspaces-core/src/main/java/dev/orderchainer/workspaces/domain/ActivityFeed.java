package dev.orderchainer.workspaces.domain;

import dev.orderchainer.common.domain.InvalidInputException;
import java.util.List;
import java.util.regex.Pattern;

/** Reading a workspace's activity log: every member may (viewers too), newest first, a page at a time. */
public final class ActivityFeed {
    public static final int MAX_PAGE = 100;
    public static final int DEFAULT_PAGE = 50;
    private static final Pattern ORDER_ID = Pattern.compile("^[0-9A-Za-z_-]{1,64}$");
    private final ActivityLog log;

    public ActivityFeed(ActivityLog log) {
        this.log = log;
    }

    public record Page(List<ActivityView> items, String nextCursor) {}

    /** @param orderId null for the whole workspace @param cursor null for the first page */
    public Page page(Access access, String orderId, int limit, String cursor) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit must be a whole number between 1 and " + MAX_PAGE, "limit");
        }
        if (orderId != null && !ORDER_ID.matcher(orderId).matches()) {
            throw new InvalidInputException("order_id must be an order's id", "order_id");
        }
        access.require(Action.READ);
        ActivityLog.Page page = log.page(access.workspaceId(), orderId, limit, cursor);
        return new Page(page.items().stream().map(ActivityView::of).toList(), page.nextCursor());
    }
}
