package dev.orderchainer.auth;

import dev.orderchainer.auth.domain.EmailVerification;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import java.util.Map;

/** POST /api/auth/verify-email {token} → 200; the token works once, within 24 hours. */
public final class VerifyEmailHandler extends ApiHandler<AuthComponents> {
    record Body(String token) {}

    private final EmailVerification verification;

    public VerifyEmailHandler() {
        this(System.getenv());
    }

    public VerifyEmailHandler(Map<String, String> environment) {
        super(new AuthComponents(new Env(environment)));
        this.verification = components.emailVerification();
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        verification.verify(body(request, Body.class).token());
        return HttpResponse.json(200, Map.of("email_verified", true));
    }
}
