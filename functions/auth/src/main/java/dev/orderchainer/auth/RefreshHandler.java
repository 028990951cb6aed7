package dev.orderchainer.auth;

import dev.orderchainer.auth.domain.Sessions;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import dev.orderchainer.security.RateLimiter;
import java.time.Duration;
import java.util.Map;

/** POST /api/auth/refresh {refresh_token} → 200 a new pair; the old refresh token is spent. */
public final class RefreshHandler extends ApiHandler<AuthComponents> {
    record Body(String refreshToken) {}

    private final Sessions sessions;
    private final RateLimiter rateLimiter;
    private final int perMinute;

    public RefreshHandler() {
        this(System.getenv());
    }

    public RefreshHandler(Map<String, String> environment) {
        super(new AuthComponents(new Env(environment)));
        this.sessions = components.issuingSessions();
        this.rateLimiter = components.rateLimiter();
        this.perMinute = components.env().integer("REFRESH_RATE_LIMIT_PER_MINUTE", 60, 1, 1_000_000);
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        // The web app sends its cookie (with its header) and an empty JSON object; other clients the token in the body.
        String inBody = body(request, Body.class).refreshToken();
        String refreshToken = inBody != null ? inBody : RefreshCookie.presented(request).orElse(null);
        // Every input is checked before anything is written (the rate limiter counts in DynamoDB).
        Sessions.requireRefreshToken(refreshToken);
        rateLimiter.acquire("refresh", request.sourceIp(), perMinute, Duration.ofMinutes(1));
        return RefreshCookie.answer(request, inBody != null ? sessions.refresh(refreshToken) : sessions.refreshCookie(refreshToken));
    }
}
