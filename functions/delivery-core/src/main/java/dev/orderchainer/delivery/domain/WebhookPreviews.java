package dev.orderchainer.delivery.domain;

import dev.orderchainer.common.domain.InvalidInputException;
import dev.orderchainer.discord.domain.Webhook;
import dev.orderchainer.discord.domain.WebhookEvent;
import dev.orderchainer.discord.domain.WebhookRequest;
import dev.orderchainer.discord.domain.WebhookService;
import dev.orderchainer.discord.template.MessageTemplate;
import dev.orderchainer.orders.domain.OrderService;
import dev.orderchainer.orders.domain.OrderStatus;
import dev.orderchainer.orders.domain.OrderView;
import dev.orderchainer.orders.events.OrderEvent;
import dev.orderchainer.workspaces.domain.Access;
import dev.orderchainer.workspaces.domain.Action;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a webhook would post for one change of a kind: to one of the workspace's orders, or to a sample order, made by
 * the caller, with the webhook's template or one being edited (checked as a save checks it, not saved). Nothing is
 * sent and nothing stored.
 */
public final class WebhookPreviews {
    static final String SAMPLE_ORDER_ID = "sample-order";
    private final WebhookService webhooks;
    private final OrderService orders;
    private final ChangeMessages messages;
    private final WorkspaceNames workspaceNames;
    private final Function<String, String> usernames;
    private final Clock clock;

    /** What to preview: the kind of change, optionally a real order and a template not yet saved. */
    public record Request(String event, String orderId, WebhookRequest.Template template) {}

    /** @param usernames a user's name by id (the caller's, as the actor) */
    public WebhookPreviews(WebhookService webhooks, OrderService orders, ChangeMessages messages, WorkspaceNames workspaceNames,
                           Function<String, String> usernames, Clock clock) {
        this.webhooks = webhooks;
        this.orders = orders;
        this.messages = messages;
        this.workspaceNames = workspaceNames;
        this.usernames = usernames;
        this.clock = clock;
    }

    /** The message's JSON exactly as it would be posted. */
    public String preview(Access access, String webhookId, Request request) {
        WebhookEvent kind = kind(request.event());
        WebhookRequest.Template edit = request.template();
        // A template of empty parts previews the standard embeds, as saving it would remove the template.
        boolean removed = edit != null && isEmpty(edit.title()) && isEmpty(edit.description()) && isEmpty(edit.footer());
        MessageTemplate edited = edit == null || removed ? null : MessageTemplate.parse(edit.title(), edit.description(), edit.footer());
        access.require(Action.READ);
        Webhook saved = webhooks.existing(access.workspaceId(), webhookId);
        Webhook webhook = edit == null ? saved : saved.withTemplate(edited);
        OrderView order = request.orderId() == null ? null : orders.get(access.workspaceId(), request.orderId());
        OrderEvent event = event(kind, access, order);
        return messages.single(webhook, event, workspaceNames.of(access.workspaceId()));
    }

    private static boolean isEmpty(String part) {
        return part == null || part.isEmpty();
    }

    private static WebhookEvent kind(String name) {
        if (name == null) {
            throw new InvalidInputException("Field 'event' is required: one of " + known(), "event");
        }
        return WebhookEvent.of(name).orElseThrow(() -> new InvalidInputException(
                "Field 'event' must be one of " + known() + "; '" + name + "' is not one", "event"));
    }

    private static String known() {
        return Arrays.stream(WebhookEvent.values()).map(WebhookEvent::wire).collect(Collectors.joining(", "));
    }

    /** A change of that kind to the order (or the sample), by the caller, now. */
    private OrderEvent event(WebhookEvent kind, Access access, OrderView order) {
        String title = order == null ? "Sample order" : order.title();
        String description = order == null ? "What a change to one of your orders looks like." : order.description();
        OrderStatus current = order == null ? OrderStatus.PENDING : order.status();
        OrderEvent.Person actor = new OrderEvent.Person(access.userId(), usernames.apply(access.userId()));
        OrderEvent.Person assignee = order == null || order.assignee() == null ? null
                : new OrderEvent.Person(order.assignee(), usernames.apply(order.assignee()));
        Change change = Change.of(kind, current);
        return new OrderEvent("preview", change.type(), access.workspaceId(), order == null ? SAMPLE_ORDER_ID : order.id(), title, description,
                change.from(), change.to(), change.fields(), order == null ? List.of() : order.dependencies(), clock.instant().toString(),
                null, actor, assignee);
    }

    /** How a change of each kind moves an order now in {@code current}. */
    private record Change(OrderEvent.Type type, OrderStatus from, OrderStatus to, List<String> fields) {
        static Change of(WebhookEvent kind, OrderStatus current) {
            return switch (kind) {
                case CREATED -> new Change(OrderEvent.Type.CREATED, null, current, List.of());
                case UPDATED -> new Change(OrderEvent.Type.UPDATED, current, current, List.of("title", "description"));
                case STARTED -> new Change(OrderEvent.Type.STATUS_CHANGED, OrderStatus.PENDING, OrderStatus.ACTIVE, List.of("status"));
                case COMPLETED -> new Change(OrderEvent.Type.STATUS_CHANGED, OrderStatus.ACTIVE, OrderStatus.COMPLETED, List.of("status"));
                case FAILED -> new Change(OrderEvent.Type.STATUS_CHANGED, OrderStatus.ACTIVE, OrderStatus.FAILED, List.of("status"));
                case READY -> new Change(OrderEvent.Type.READY, OrderStatus.PENDING, OrderStatus.PENDING, List.of());
                case BLOCKED -> new Change(OrderEvent.Type.BLOCKED, OrderStatus.PENDING, OrderStatus.PENDING, List.of());
                case DELETED -> new Change(OrderEvent.Type.DELETED, current, null, List.of());
            };
        }
    }
}
