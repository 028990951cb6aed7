package dev.orderchainer.orders;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.ApiProblem;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import dev.orderchainer.orders.domain.OrderService;
import dev.orderchainer.orders.domain.OrderStatus;
import dev.orderchainer.workspaces.domain.Access;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** GET /api/orders?status=|view=ready|blocked&limit=&cursor= → 200 {items, next_cursor}, newest first. */
public final class ListOrdersHandler extends ApiHandler<OrderComponents> {
    private static final Set<String> PARAMETERS = Set.of("status", "view", "assignee", "limit", "cursor");
    private static final int DEFAULT_LIMIT = 20;
    public ListOrdersHandler() {
        this(System.getenv());
    }

    public ListOrdersHandler(Map<String, String> environment) {
        super(new OrderComponents(new Env(environment)));
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Access access = components.access(request);
        request.allowOnlyQueryParameters(PARAMETERS);
        Optional<OrderStatus> status = request.query("status").map(value -> OrderStatus.parse(value).orElseThrow(() ->
                ApiProblem.badRequest("status must be one of: " + Arrays.stream(OrderStatus.values())
                        .map(OrderStatus::wire).collect(Collectors.joining(", ")))));
        Optional<OrderService.ListView> view = request.query("view").map(value -> OrderService.ListView.parse(value)
                .orElseThrow(() -> ApiProblem.badRequest("view must be ready or blocked")));
        int limit = request.query("limit").map(ListOrdersHandler::limit).orElse(DEFAULT_LIMIT);
        // "me" is the caller; any other value a member's user id (a non-member has no orders: an empty list).
        Optional<String> assignee = request.query("assignee").filter(value -> !value.isEmpty())
                .map(value -> value.equals("me") ? access.userId() : value);
        OrderService.Listing listing = components.orders().list(access, status, view, assignee, limit,
                request.query("cursor").filter(cursor -> !cursor.isEmpty()).orElse(null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", listing.items());
        body.put("next_cursor", listing.nextCursor());
        return HttpResponse.json(200, body);
    }

    private static int limit(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("limit must be a whole number between 1 and " + OrderService.MAX_PAGE);
        }
    }
}
