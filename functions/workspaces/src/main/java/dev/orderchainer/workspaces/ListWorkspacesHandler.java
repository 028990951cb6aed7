package dev.orderchainer.workspaces;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** GET /api/workspaces → 200 {items, next_cursor}: the caller's workspaces, the personal one first. */
public final class ListWorkspacesHandler extends ApiHandler<WorkspaceComponents> {
    public ListWorkspacesHandler() {
        this(System.getenv());
    }

    public ListWorkspacesHandler(Map<String, String> environment) {
        super(new WorkspaceComponents(new Env(environment)));
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String userId = components.userId(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", components.workspaces().list(userId));
        // Every list has a cursor; a user has at most 51 workspaces, so this one always fits one page.
        body.put("next_cursor", null);
        return HttpResponse.json(200, body);
    }
}
