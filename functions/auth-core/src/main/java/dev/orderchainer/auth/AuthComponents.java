package dev.orderchainer.auth;

import dev.orderchainer.auth.domain.EmailVerification;
import dev.orderchainer.auth.domain.Login;
import dev.orderchainer.auth.domain.PasswordHasher;
import dev.orderchainer.auth.domain.ResponseFloor;
import dev.orderchainer.auth.domain.Sessions;
import dev.orderchainer.auth.domain.UserStore;
import dev.orderchainer.auth.domain.VerificationTokenStore;
import dev.orderchainer.auth.store.DynamoDbSessionStore;
import dev.orderchainer.auth.store.DynamoDbUserStore;
import dev.orderchainer.auth.store.DynamoDbVerificationTokenStore;
import dev.orderchainer.common.aws.AwsClients;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.observability.EmfMetrics;
import dev.orderchainer.security.AccessTokens;
import dev.orderchainer.security.DynamoDbRateLimiter;
import dev.orderchainer.security.FunctionAuthentication;
import dev.orderchainer.security.RateLimiter;
import dev.orderchainer.security.SecretsManagerSigningKeys;
import dev.orderchainer.security.SecurityEvents;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the auth services an endpoint needs from its environment; each handler asks only for its own (signup too). */
public final class AuthComponents {
    private final Env env;
    private final Clock clock = Clock.systemUTC();
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final SecurityEvents events;

    public AuthComponents(Env env) {
        this.env = env;
        this.dynamoDb = new AwsClients(env).dynamoDb();
        this.table = env.required("TABLE_NAME");
        this.events = new SecurityEvents(EmfMetrics.fromEnvironment(env, "auth"));
    }

    public Env env() {
        return env;
    }

    public RateLimiter rateLimiter() {
        return new DynamoDbRateLimiter(dynamoDb, table, clock, events);
    }

    public Clock clock() {
        return clock;
    }

    public UserStore users() {
        return new DynamoDbUserStore(dynamoDb, table);
    }

    public VerificationTokenStore verificationTokens() {
        return new DynamoDbVerificationTokenStore(dynamoDb, table);
    }

    EmailVerification emailVerification() {
        return new EmailVerification(verificationTokens(), clock);
    }

    Login login() {
        boolean requireVerified = !"false".equalsIgnoreCase(env.string("REQUIRE_EMAIL_VERIFICATION", "true"));
        return new Login(users(), new PasswordHasher(), sessions(), clock, requireVerified,
                env.integer("LOCKOUT_THRESHOLD", 5, 1, 100), events,
                ResponseFloor.of(Duration.ofMillis(env.integer("LOGIN_FAILURE_FLOOR_MS", 250, 0, 5000))));
    }

    Sessions sessions() {
        return new Sessions(new DynamoDbSessionStore(dynamoDb, table), accessTokens(),
                Duration.ofDays(env.integer("REFRESH_TOKEN_EXPIRE_DAYS", 14, 1, 365)),
                Duration.ofSeconds(env.integer("REFRESH_LOST_ANSWER_GRACE_SECONDS", 10, 0, 60)), clock, events);
    }

    FunctionAuthentication authentication() {
        return new FunctionAuthentication(env, dynamoDb, table, clock);
    }

    private AccessTokens accessTokens() {
        return new AccessTokens(SecretsManagerSigningKeys.fromEnvironment(env),
                FunctionAuthentication.ISSUER, FunctionAuthentication.AUDIENCE,
                Duration.ofMinutes(env.integer("ACCESS_TOKEN_EXPIRE_MINUTES", 30, 1, 24 * 60)), clock);
    }
}
