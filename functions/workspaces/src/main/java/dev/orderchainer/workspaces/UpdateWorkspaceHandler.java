package dev.orderchainer.workspaces;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import dev.orderchainer.security.WorkspaceGate;
import java.util.Map;

/** PUT /api/workspaces/{wid} {name} → 200 workspace (admin or owner). */
public final class UpdateWorkspaceHandler extends ApiHandler<WorkspaceComponents> {
    public UpdateWorkspaceHandler() {
        this(System.getenv());
    }

    public UpdateWorkspaceHandler(Map<String, String> environment) {
        super(new WorkspaceComponents(new Env(environment)));
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        WorkspaceGate.Caller caller = components.caller(request);
        CreateWorkspaceHandler.NameRequest rename = body(request, CreateWorkspaceHandler.NameRequest.class);
        return HttpResponse.json(200, components.workspaces().rename(caller.access(), rename.name()));
    }
}
