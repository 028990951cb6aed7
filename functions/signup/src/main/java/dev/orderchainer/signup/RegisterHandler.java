package dev.orderchainer.signup;

import dev.orderchainer.auth.domain.User;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import dev.orderchainer.security.RateLimiter;
import dev.orderchainer.signup.domain.Registration;
import java.time.Duration;
import java.util.Map;

/** POST /api/auth/register {email, username, password} → 201 account; sends the verification email. */
public final class RegisterHandler extends ApiHandler<SignupComponents> {
    record Body(String email, String username, String password) {}

    private final Registration registration;
    private final RateLimiter rateLimiter;
    private final int perHour;

    public RegisterHandler() {
        this(System.getenv());
    }

    public RegisterHandler(Map<String, String> environment) {
        super(new SignupComponents(new Env(environment)));
        this.registration = components.registration();
        this.rateLimiter = components.rateLimiter();
        this.perHour = components.env().integer("REGISTER_RATE_LIMIT_PER_HOUR", 20, 1, 1_000_000);
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Body body = body(request, Body.class);
        // Every input is checked before anything is written (the rate limiter counts in DynamoDB).
        Registration.NewAccount account = registration.check(body.email(), body.username(), body.password());
        rateLimiter.acquire("register", request.sourceIp(), perHour, Duration.ofHours(1));
        User user = registration.register(account);
        return HttpResponse.json(201, UserView.of(user));
    }
}
