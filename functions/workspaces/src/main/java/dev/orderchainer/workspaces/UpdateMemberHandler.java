package dev.orderchainer.workspaces;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.ApiProblem;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import dev.orderchainer.security.WorkspaceGate;
import dev.orderchainer.workspaces.domain.Role;
import java.util.Map;

/** PUT /api/workspaces/{wid}/members/{user_id} {role} → 200 member (admin; the owner role by an owner). */
public final class UpdateMemberHandler extends ApiHandler<WorkspaceComponents> {
    public UpdateMemberHandler() {
        this(System.getenv());
    }

    public UpdateMemberHandler(Map<String, String> environment) {
        super(new WorkspaceComponents(new Env(environment)));
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        WorkspaceGate.Caller caller = components.caller(request);
        RoleRequest change = body(request, RoleRequest.class);
        if (change.role() == null) {
            throw ApiProblem.badRequest("Field 'role' is required: one of " + Role.names(), "role");
        }
        return HttpResponse.json(200, components.workspaces().changeRole(caller.access(), WorkspaceComponents.memberId(request),
                change.role()));
    }

    record RoleRequest(Role role) {}
}
