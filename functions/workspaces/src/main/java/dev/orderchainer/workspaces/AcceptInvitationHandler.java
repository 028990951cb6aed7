package dev.orderchainer.workspaces;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import dev.orderchainer.workspaces.domain.Invitations;
import java.util.Map;

/** POST /api/invitations/accept {token} → 200 {workspace_id, role}: the signed-in invitee joins. */
public final class AcceptInvitationHandler extends ApiHandler<WorkspaceComponents> {
    private final Invitations invitations;

    public AcceptInvitationHandler() {
        this(System.getenv());
    }

    public AcceptInvitationHandler(Map<String, String> environment) {
        super(new WorkspaceComponents(new Env(environment)));
        this.invitations = components.invitations();
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String userId = components.userId(request);
        return HttpResponse.json(200, invitations.accept(userId, body(request, TokenRequest.class).token()));
    }

    record TokenRequest(String token) {}
}
