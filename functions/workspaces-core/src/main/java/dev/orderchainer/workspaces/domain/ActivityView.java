package dev.orderchainer.workspaces.domain;

/** The API's activity entry. */
public record ActivityView(String id, String at, Actor actor, String action, String orderId, String summary) {
    public record Actor(String userId, String username) {}

    static ActivityView of(Activity activity) {
        return new ActivityView(activity.id(), activity.at().toString(), new Actor(activity.actorId(), activity.actorUsername()),
                activity.action(), activity.orderId(), activity.summary());
    }
}
