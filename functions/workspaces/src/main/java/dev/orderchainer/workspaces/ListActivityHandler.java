package dev.orderchainer.workspaces;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.ApiProblem;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import dev.orderchainer.workspaces.domain.Access;
import dev.orderchainer.workspaces.domain.ActivityFeed;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** GET /api/workspaces/{wid}/activity?order_id=&limit=&cursor= → 200 {items, next_cursor}, newest first (any member). */
public final class ListActivityHandler extends ApiHandler<WorkspaceComponents> {
    private static final Set<String> PARAMETERS = Set.of("order_id", "limit", "cursor");
    private final ActivityFeed activity;

    public ListActivityHandler() {
        this(System.getenv());
    }

    public ListActivityHandler(Map<String, String> environment) {
        super(new WorkspaceComponents(new Env(environment)));
        this.activity = components.activity();
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Access access = components.access(request);
        request.allowOnlyQueryParameters(PARAMETERS);
        int limit = request.query("limit").map(ListActivityHandler::limit).orElse(ActivityFeed.DEFAULT_PAGE);
        String orderId = request.query("order_id").filter(id -> !id.isEmpty()).orElse(null);
        String cursor = request.query("cursor").filter(c -> !c.isEmpty()).orElse(null);
        ActivityFeed.Page page = activity.page(access, orderId, limit, cursor);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items());
        body.put("next_cursor", page.nextCursor());
        return HttpResponse.json(200, body);
    }

    private static int limit(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("limit must be a whole number between 1 and " + ActivityFeed.MAX_PAGE, "limit");
        }
    }
}
