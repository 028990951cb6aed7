package dev.orderchainer.workspaces;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import dev.orderchainer.workspaces.domain.WorkspaceView;
import java.util.Map;

/** POST /api/workspaces {name} → 201 workspace, the caller its owner. */
public final class CreateWorkspaceHandler extends ApiHandler<WorkspaceComponents> {
    public CreateWorkspaceHandler() {
        this(System.getenv());
    }

    public CreateWorkspaceHandler(Map<String, String> environment) {
        super(new WorkspaceComponents(new Env(environment)));
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String userId = components.userId(request);
        WorkspaceView workspace = components.workspaces().create(userId, body(request, NameRequest.class).name());
        return HttpResponse.json(201, workspace).withHeader("location", "/api/workspaces/" + workspace.id());
    }

    record NameRequest(String name) {}
}
