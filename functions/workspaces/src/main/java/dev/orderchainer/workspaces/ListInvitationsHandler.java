package dev.orderchainer.workspaces;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import dev.orderchainer.workspaces.domain.Invitations;
import java.util.LinkedHashMap;
import java.util.Map;

/** GET /api/workspaces/{wid}/invitations → 200 {items, next_cursor}: the pending invitations, newest first. */
public final class ListInvitationsHandler extends ApiHandler<WorkspaceComponents> {
    private final Invitations invitations;

    public ListInvitationsHandler() {
        this(System.getenv());
    }

    public ListInvitationsHandler(Map<String, String> environment) {
        super(new WorkspaceComponents(new Env(environment)));
        this.invitations = components.invitations();
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", invitations.list(components.access(request)));
        // At most 50 pending: one page.
        body.put("next_cursor", null);
        return HttpResponse.json(200, body);
    }
}
