package dev.orderchainer.workspaces;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** GET /api/workspaces/{wid}/members → 200 {items, next_cursor}, in joining order. */
public final class ListMembersHandler extends ApiHandler<WorkspaceComponents> {
    public ListMembersHandler() {
        this(System.getenv());
    }

    public ListMembersHandler(Map<String, String> environment) {
        super(new WorkspaceComponents(new Env(environment)));
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", components.workspaces().members(components.access(request)));
        // At most 50 members: one page.
        body.put("next_cursor", null);
        return HttpResponse.json(200, body);
    }
}
