package dev.orderchainer.auth;

import dev.orderchainer.auth.domain.Login;
import dev.orderchainer.auth.domain.TokenPair;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.ApiProblem;
import dev.orderchainer.common.http.FormBody;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import dev.orderchainer.security.RateLimiter;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * POST /api/auth/token, OAuth2 password grant style, form-encoded or JSON:
 * {username (or email), password} → 200 {access_token, token_type, expires_in, refresh_token, refresh_expires_in}.
 */
public final class TokenHandler extends ApiHandler<AuthComponents> {
    record Body(String grantType, String username, String email, String password, String scope, String clientId) {}

    private static final Set<String> FORM_FIELDS = Set.of("grant_type", "username", "email", "password", "scope", "client_id");
    private final Login login;
    private final RateLimiter rateLimiter;
    private final int perMinute;

    public TokenHandler() {
        this(System.getenv());
    }

    public TokenHandler(Map<String, String> environment) {
        super(new AuthComponents(new Env(environment)));
        this.login = components.login();
        this.rateLimiter = components.rateLimiter();
        this.perMinute = components.env().integer("TOKEN_RATE_LIMIT_PER_MINUTE", 30, 1, 1_000_000);
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Body body;
        if (FormBody.isForm(request)) {
            Map<String, String> form = FormBody.read(request, FORM_FIELDS);
            body = new Body(form.get("grant_type"), form.get("username"), form.get("email"), form.get("password"),
                    form.get("scope"), form.get("client_id"));
        } else {
            body = body(request, Body.class);
        }
        if (body.grantType() != null && !body.grantType().equals("password")) {
            throw new ApiProblem(400, "grant_type must be 'password' (use /api/auth/refresh for refresh tokens)",
                    Map.of("error", "unsupported_grant_type"), Map.of());
        }
        if (body.username() != null && body.email() != null) {
            throw ApiProblem.badRequest("Give either 'username' or 'email', not both");
        }
        String user = body.username() != null ? body.username() : body.email();
        // Every input is checked before anything is written (the rate limiter counts in DynamoDB).
        Login.requireCredentials(user, body.password());
        rateLimiter.acquire("token", request.sourceIp(), perMinute, Duration.ofMinutes(1));
        TokenPair tokens = login.login(user, body.password());
        return RefreshCookie.answer(request, tokens);
    }
}
