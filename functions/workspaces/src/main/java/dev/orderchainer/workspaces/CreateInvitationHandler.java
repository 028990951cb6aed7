package dev.orderchainer.workspaces;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import dev.orderchainer.security.WorkspaceGate;
import dev.orderchainer.workspaces.domain.InvitationView;
import dev.orderchainer.workspaces.domain.Invitations;
import dev.orderchainer.workspaces.domain.Role;
import java.util.Map;

/** POST /api/workspaces/{wid}/invitations {email, role} → 201 invitation, and the mail with its link (admin; owners by an owner). */
public final class CreateInvitationHandler extends ApiHandler<WorkspaceComponents> {
    private final Invitations invitations;

    public CreateInvitationHandler() {
        this(System.getenv());
    }

    public CreateInvitationHandler(Map<String, String> environment) {
        super(new WorkspaceComponents(new Env(environment)));
        this.invitations = components.invitations();
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        WorkspaceGate.Caller caller = components.caller(request);
        InvitationRequest body = body(request, InvitationRequest.class);
        InvitationView invitation = invitations.invite(caller.access(), new Invitations.Request(body.email(), body.role()));
        return HttpResponse.json(201, invitation);
    }

    record InvitationRequest(String email, Role role) {}
}
