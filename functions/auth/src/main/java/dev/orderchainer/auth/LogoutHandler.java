package dev.orderchainer.auth;

import dev.orderchainer.auth.domain.Sessions;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import dev.orderchainer.security.FunctionAuthentication;
import java.util.Map;

/** POST /api/auth/logout (Bearer) → 204: the access token is refused everywhere and its refresh family revoked. */
public final class LogoutHandler extends ApiHandler<AuthComponents> {
    private final FunctionAuthentication authentication;
    private final Sessions sessions;

    public LogoutHandler() {
        this(System.getenv());
    }

    public LogoutHandler(Map<String, String> environment) {
        super(new AuthComponents(new Env(environment)));
        this.authentication = components.authentication();
        this.sessions = components.endingSessions();
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        sessions.logout(authentication.authenticate(request));
        return RefreshCookie.cleared(request, HttpResponse.noContent());
    }
}
