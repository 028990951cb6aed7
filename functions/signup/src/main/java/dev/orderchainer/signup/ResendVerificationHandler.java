package dev.orderchainer.signup;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.domain.RateLimitedException;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import dev.orderchainer.security.RateLimiter;
import dev.orderchainer.signup.domain.Registration;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * POST /api/auth/resend-verification {email} → 202 whatever the address: whether it has an
 * account is not revealed. Per IP over the limit → 429; per address, extra requests are dropped quietly.
 */
public final class ResendVerificationHandler extends ApiHandler<SignupComponents> {
    record Body(String email) {}

    private final Registration registration;
    private final RateLimiter rateLimiter;
    private final int perHour;

    public ResendVerificationHandler() {
        this(System.getenv());
    }

    public ResendVerificationHandler(Map<String, String> environment) {
        super(new SignupComponents(new Env(environment)));
        this.registration = components.registration();
        this.rateLimiter = components.rateLimiter();
        this.perHour = components.env().integer("RESEND_RATE_LIMIT_PER_HOUR", 10, 1, 1_000_000);
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        // Every input is checked before anything is written (both rate limiters count in DynamoDB).
        String email = Registration.email(body(request, Body.class).email());
        rateLimiter.acquire("resend", request.sourceIp(), perHour, Duration.ofHours(1));
        try {
            rateLimiter.acquire("resend-address", email.toLowerCase(Locale.ROOT), 3, Duration.ofHours(1));
        } catch (RateLimitedException limited) {
            // Said the same as a success: the answer must not tell whether an address has an account.
            return accepted();
        }
        registration.resend(email);
        return accepted();
    }

    private static HttpResponse accepted() {
        return HttpResponse.json(202, Map.of("detail", "If this address belongs to an unverified account, a new verification email is on its way"));
    }
}
