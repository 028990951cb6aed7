package dev.orderchainer.workspaces;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import java.util.Map;

/** GET /api/workspaces/{wid} → 200 workspace with the caller's role, in one round trip; 404 for a non-member. */
public final class GetWorkspaceHandler extends ApiHandler<WorkspaceComponents> {
    public GetWorkspaceHandler() {
        this(System.getenv());
    }

    public GetWorkspaceHandler(Map<String, String> environment) {
        super(new WorkspaceComponents(new Env(environment)));
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.json(200, components.read(request));
    }
}
