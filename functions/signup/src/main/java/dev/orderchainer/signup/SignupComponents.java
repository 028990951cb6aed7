package dev.orderchainer.signup;

import dev.orderchainer.auth.domain.PasswordHasher;
import dev.orderchainer.auth.domain.UserStore;
import dev.orderchainer.auth.mail.Mailers;
import dev.orderchainer.auth.store.DynamoDbUserStore;
import dev.orderchainer.auth.store.DynamoDbVerificationTokenStore;
import dev.orderchainer.common.aws.AwsClients;
import dev.orderchainer.common.config.AppLink;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.function.FunctionComponents;
import dev.orderchainer.common.observability.EmfMetrics;
import dev.orderchainer.security.DynamoDbRateLimiter;
import dev.orderchainer.security.RateLimiter;
import dev.orderchainer.security.SecurityEvents;
import dev.orderchainer.signup.domain.PasswordPolicy;
import dev.orderchainer.signup.domain.Registration;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What register and resend-verification need: the account stores, the password policy, a mailer and the rate limiter. */
final class SignupComponents implements FunctionComponents {
    private final Env env;
    private final Clock clock = Clock.systemUTC();
    private final DynamoDbClient dynamoDb;
    private final String table;

    SignupComponents(Env env) {
        this.env = env;
        this.dynamoDb = new AwsClients(env).dynamoDb();
        this.table = env.required("TABLE_NAME");
    }

    @Override
    public Env env() {
        return env;
    }

    RateLimiter rateLimiter() {
        return new DynamoDbRateLimiter(dynamoDb, table, clock, new SecurityEvents(EmfMetrics.fromEnvironment(env, "auth")));
    }

    Registration registration() {
        return new Registration(users(), new DynamoDbVerificationTokenStore(dynamoDb, table), Mailers.fromEnvironment(env, clock),
                new PasswordPolicy(env.integer("PASSWORD_MIN_LENGTH", PasswordPolicy.DEFAULT_MIN_LENGTH, 8, 64)), new PasswordHasher(), clock,
                AppLink.of(env.required("VERIFY_EMAIL_URL"), env, () -> dynamoDb)::resolved);
    }

    private UserStore users() {
        return new DynamoDbUserStore(dynamoDb, table);
    }

    /** Before a SnapStart snapshot: the account lookups a registration and a resend make, for no one; nothing is written or sent. */
    @Override
    public void prime() {
        users().findByUsername("priming");
        users().findByEmail("priming@priming.invalid");
    }
}
