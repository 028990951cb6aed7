package dev.orderchainer.workspaces.domain;

import java.util.List;

/** Where the activity log lives: written from the table's stream, read newest first in pages. */
public interface ActivityLog {
    /** Stores the entries; an entry stored again (a retried stream batch) replaces itself, so each change is there once. */
    void record(List<Activity> entries);

    /**
     * A page of the workspace's entries, newest first, only the order's when {@code orderId} is not null.
     *
     * @throws InvalidActivityCursorException for a cursor no page of this listing gave out
     */
    Page page(String workspaceId, String orderId, int limit, String cursor);

    record Page(List<Activity> items, String nextCursor) {}
}
