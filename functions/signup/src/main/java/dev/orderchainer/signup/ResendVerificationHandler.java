package dev.orderchainer.signup;

import dev.orderchainer.signup.domain.Registration;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.ApiProblem;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import dev.orderchainer.security.RateLimiter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * POST /api/auth/resend-verification {email} → 202 whatever the address: whether it has an
 * account is not revealed. Per IP over the limit → 429; per address, extra requests are dropped quietly.
 */
public final class ResendVerificationHandler extends ApiHandler {
    record Body(String email) {}

    private final Registration registration;
    private final RateLimiter rateLimiter;
    private final int perHour;

    public ResendVerificationHandler() {
        this(System.getenv());
    }

    public ResendVerificationHandler(Map<String, String> environment) {
        this(new SignupComponents(new Env(environment)));
    }

    private ResendVerificationHandler(SignupComponents components) {
        super(components.env());
        this.registration = components.registration();
        this.rateLimiter = components.rateLimiter();
        this.perHour = components.env().integer("RESEND_RATE_LIMIT_PER_HOUR", 10, 1, 1_000_000);
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        rateLimiter.acquire("resend", request.sourceIp(), perHour, Duration.ofHours(1));
        Body body = body(request, Body.class);
        if (body.email() == null) {
            throw ApiProblem.badRequest("Field 'email' is required");
        }
        try {
            rateLimiter.acquire("resend-address", body.email().trim().toLowerCase(Locale.ROOT), 3, Duration.ofHours(1));
            registration.resend(body.email());
        } catch (ApiProblem problem) {
            if (problem.status() != 429) {
                throw problem;
            }
        }
        return HttpResponse.json(202, Map.of("detail", "If this address belongs to an unverified account, a new verification email is on its way"));
    }
}
