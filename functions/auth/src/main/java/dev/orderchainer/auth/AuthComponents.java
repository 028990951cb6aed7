package dev.orderchainer.auth;

import dev.orderchainer.auth.domain.EmailVerification;
import dev.orderchainer.auth.domain.Login;
import dev.orderchainer.auth.domain.PasswordHasher;
import dev.orderchainer.auth.domain.ResponseFloor;
import dev.orderchainer.auth.domain.SessionStore;
import dev.orderchainer.auth.domain.Sessions;
import dev.orderchainer.auth.domain.UserStore;
import dev.orderchainer.auth.store.DynamoDbSessionStore;
import dev.orderchainer.auth.store.DynamoDbUserStore;
import dev.orderchainer.auth.store.DynamoDbVerificationTokenStore;
import dev.orderchainer.auth.store.SecretsManagerSigningKeys;
import dev.orderchainer.auth.store.SecretsManagerSigningKeysStore;
import dev.orderchainer.common.aws.AwsClients;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.domain.SecretTokens;
import dev.orderchainer.common.function.FunctionComponents;
import dev.orderchainer.common.observability.EmfMetrics;
import dev.orderchainer.security.AccessTokens;
import dev.orderchainer.security.DynamoDbRateLimiter;
import dev.orderchainer.security.FunctionAuthentication;
import dev.orderchainer.security.RateLimiter;
import dev.orderchainer.security.SecurityEvents;
import dev.orderchainer.security.VerificationKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** What the auth endpoints need, built from the environment; each handler asks only for its own. */
final class AuthComponents implements FunctionComponents {
    private final Env env;
    private final Clock clock = Clock.systemUTC();
    private final String table;
    private DynamoDbClient dynamoDb;
    private final SecurityEvents events;
    private final List<Runnable> primers = new ArrayList<>();
    private FunctionAuthentication authentication;

    AuthComponents(Env env) {
        this.env = env;
        this.table = env.required("TABLE_NAME");
        this.events = new SecurityEvents(EmfMetrics.fromEnvironment(env, "auth"));
    }

    @Override
    public Env env() {
        return env;
    }

    /** Built on first use: the key set endpoint reads no table. */
    private DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = new AwsClients(env).dynamoDb();
        }
        return dynamoDb;
    }

    /** The signing keys secret for the stack's SigningKeys resource, which writes it. */
    SecretsManagerSigningKeysStore signingKeysStore() {
        return new SecretsManagerSigningKeysStore(new AwsClients(env).build(SecretsManagerClient.builder(), "SECRETS_MANAGER"));
    }

    /** The public keys access tokens are checked with, as published at /api/auth/jwks.json. */
    VerificationKeys publicKeys() {
        return FunctionAuthentication.publicKeys(env);
    }

    RateLimiter rateLimiter() {
        return new DynamoDbRateLimiter(dynamoDb(), table, clock, events);
    }

    private UserStore users() {
        return new DynamoDbUserStore(dynamoDb(), table);
    }

    EmailVerification emailVerification() {
        return new EmailVerification(new DynamoDbVerificationTokenStore(dynamoDb(), table), clock);
    }

    Login login() {
        UserStore users = users();
        primers.add(() -> users.findByEmail("priming@priming.invalid"));
        boolean requireVerified = !"false".equalsIgnoreCase(env.string("REQUIRE_EMAIL_VERIFICATION", "true"));
        return new Login(users, new PasswordHasher(), issuingSessions(), clock, requireVerified,
                env.integer("LOCKOUT_THRESHOLD", 5, 1, 100), events,
                ResponseFloor.of(Duration.ofMillis(env.integer("LOGIN_FAILURE_FLOOR_MS", 250, 0, 5000))));
    }

    /** Sessions that issue access tokens (token, refresh): the only functions that read the signing keys secret. */
    Sessions issuingSessions() {
        return sessions(new AccessTokens(SecretsManagerSigningKeys.fromEnvironment(env), FunctionAuthentication.publicKeys(env),
                FunctionAuthentication.ISSUER, FunctionAuthentication.AUDIENCE, FunctionAuthentication.lifetime(env), clock));
    }

    /** Sessions that are only ended (logout): tokens are checked with the public keys, no secret is read. */
    Sessions endingSessions() {
        return sessions(AccessTokens.verifyingOnly(FunctionAuthentication.publicKeys(env), FunctionAuthentication.ISSUER,
                FunctionAuthentication.AUDIENCE, FunctionAuthentication.lifetime(env), clock));
    }

    private Sessions sessions(AccessTokens accessTokens) {
        SessionStore store = new DynamoDbSessionStore(dynamoDb(), table);
        primers.add(() -> store.find(SecretTokens.hash("priming")));
        return new Sessions(store, accessTokens,
                Duration.ofDays(env.integer("REFRESH_TOKEN_EXPIRE_DAYS", 14, 1, 365)),
                Duration.ofSeconds(env.integer("REFRESH_LOST_ANSWER_GRACE_SECONDS", 10, 0, 60)), clock, events);
    }

    /** The bearer check (one per function: it holds the signing keys it read). */
    FunctionAuthentication authentication() {
        if (authentication == null) {
            authentication = new FunctionAuthentication(env, dynamoDb(), table, clock);
            primers.add(authentication::prime);
        }
        return authentication;
    }

    /**
     * Before a SnapStart snapshot, for no one and with what this function built: an account read (every auth function
     * reads the table), then a token check, a login's lookup by email, a refresh token lookup. Nothing is written (no
     * rate-limit count, no failed login, no token spent).
     */
    @Override
    public void prime() {
        if (dynamoDb != null) {
            users().findByUsername("priming");
        }
        primers.forEach(Runnable::run);
    }
}
