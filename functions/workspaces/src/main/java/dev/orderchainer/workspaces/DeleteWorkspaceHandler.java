package dev.orderchainer.workspaces;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import java.util.Map;

/** DELETE /api/workspaces/{wid} → 204 (owner): every member loses access at once, then its orders go. */
public final class DeleteWorkspaceHandler extends ApiHandler<WorkspaceComponents> {
    public DeleteWorkspaceHandler() {
        this(System.getenv());
    }

    public DeleteWorkspaceHandler(Map<String, String> environment) {
        super(new WorkspaceComponents(new Env(environment)));
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        components.workspaces().delete(components.access(request));
        return HttpResponse.noContent();
    }
}
