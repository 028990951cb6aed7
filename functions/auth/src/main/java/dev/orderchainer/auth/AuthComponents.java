package dev.orderchainer.auth;

import dev.orderchainer.auth.domain.EmailVerification;
import dev.orderchainer.auth.domain.Login;
import dev.orderchainer.auth.domain.Mailer;
import dev.orderchainer.auth.domain.PasswordHasher;
import dev.orderchainer.auth.domain.PasswordPolicy;
import dev.orderchainer.auth.domain.Registration;
import dev.orderchainer.auth.domain.Sessions;
import dev.orderchainer.auth.mail.FileMailer;
import dev.orderchainer.auth.mail.SesMailer;
import dev.orderchainer.auth.store.DynamoDbSessionStore;
import dev.orderchainer.auth.store.DynamoDbUserStore;
import dev.orderchainer.auth.store.DynamoDbVerificationTokenStore;
import dev.orderchainer.common.aws.AwsClients;
import dev.orderchainer.common.config.ConfigurationException;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.observability.EmfMetrics;
import dev.orderchainer.security.AccessTokens;
import dev.orderchainer.security.DynamoDbRateLimiter;
import dev.orderchainer.security.FunctionAuthentication;
import dev.orderchainer.security.RateLimiter;
import dev.orderchainer.security.SecurityEvents;
import dev.orderchainer.security.SigningKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Builds the auth services an endpoint needs from its environment; each handler asks only for its own. */
final class AuthComponents {
    private final Env env;
    private final Clock clock = Clock.systemUTC();
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final SecurityEvents events;

    AuthComponents(Env env) {
        this.env = env;
        this.dynamoDb = new AwsClients(env).dynamoDb();
        this.table = env.required("TABLE_NAME");
        this.events = new SecurityEvents(EmfMetrics.toLog(env.string("POWERTOOLS_METRICS_NAMESPACE", "OrderChainer"),
                env.string("POWERTOOLS_SERVICE_NAME", "auth")));
    }

    Env env() {
        return env;
    }

    RateLimiter rateLimiter() {
        return new DynamoDbRateLimiter(dynamoDb, table, clock, events);
    }

    Registration registration() {
        return new Registration(new DynamoDbUserStore(dynamoDb, table), new DynamoDbVerificationTokenStore(dynamoDb, table),
                mailer(), new PasswordPolicy(env.integer("PASSWORD_MIN_LENGTH", 12, 8, 64)), new PasswordHasher(), clock,
                env.required("VERIFY_EMAIL_URL"));
    }

    EmailVerification emailVerification() {
        return new EmailVerification(new DynamoDbVerificationTokenStore(dynamoDb, table), clock);
    }

    Login login() {
        boolean requireVerified = !"false".equalsIgnoreCase(env.string("REQUIRE_EMAIL_VERIFICATION", "true"));
        return new Login(new DynamoDbUserStore(dynamoDb, table), new PasswordHasher(), sessions(), clock, requireVerified,
                env.integer("LOCKOUT_THRESHOLD", 5, 1, 100), events);
    }

    Sessions sessions() {
        return new Sessions(new DynamoDbSessionStore(dynamoDb, table), accessTokens(),
                Duration.ofDays(env.integer("REFRESH_TOKEN_EXPIRE_DAYS", 14, 1, 365)), clock, events);
    }

    FunctionAuthentication authentication() {
        return new FunctionAuthentication(env, dynamoDb, table, clock);
    }

    private AccessTokens accessTokens() {
        return new AccessTokens(SigningKey.fromSetting(env.optional("SECRET_KEY").orElse(null)),
                FunctionAuthentication.ISSUER, FunctionAuthentication.AUDIENCE,
                Duration.ofMinutes(env.integer("ACCESS_TOKEN_EXPIRE_MINUTES", 30, 1, 24 * 60)), clock);
    }

    private Mailer mailer() {
        String from = env.required("EMAIL_FROM");
        String transport = env.string("EMAIL_TRANSPORT", "ses");
        switch (transport) {
            case "ses":
                return new SesMailer(new AwsClients(env).build(SesV2Client.builder(), "SESV2"), from);
            case "file":
                return new FileMailer(Path.of(env.string("MAIL_DIR", ".local/mail")), from, clock);
            default:
                throw new ConfigurationException("EMAIL_TRANSPORT must be ses or file, got '" + transport + "'");
        }
    }
}
