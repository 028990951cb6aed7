package dev.orderchainer.workspaces;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import java.util.Map;

/** DELETE /api/workspaces/{wid}/members/{user_id} → 204: an admin removes a member, anyone removes itself (leaves). */
public final class DeleteMemberHandler extends ApiHandler<WorkspaceComponents> {
    public DeleteMemberHandler() {
        this(System.getenv());
    }

    public DeleteMemberHandler(Map<String, String> environment) {
        super(new WorkspaceComponents(new Env(environment)));
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        components.workspaces().remove(components.access(request), WorkspaceComponents.memberId(request));
        return HttpResponse.noContent();
    }
}
