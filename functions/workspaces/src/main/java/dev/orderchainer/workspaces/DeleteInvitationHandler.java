package dev.orderchainer.workspaces;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.ApiProblem;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import dev.orderchainer.workspaces.domain.Invitations;
import java.util.Map;

/** DELETE /api/workspaces/{wid}/invitations/{id} → 204: the invitation's link stops working (admin). */
public final class DeleteInvitationHandler extends ApiHandler<WorkspaceComponents> {
    private final Invitations invitations;

    public DeleteInvitationHandler() {
        this(System.getenv());
    }

    public DeleteInvitationHandler(Map<String, String> environment) {
        super(new WorkspaceComponents(new Env(environment)));
        this.invitations = components.invitations();
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String id = request.pathParameter("id").orElseThrow(() -> ApiProblem.notFound("No invitation in the path"));
        invitations.revoke(components.access(request), id);
        return HttpResponse.noContent();
    }
}
