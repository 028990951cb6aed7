package dev.orderchainer.signup;

import dev.orderchainer.auth.AuthComponents;
import dev.orderchainer.auth.domain.PasswordHasher;
import dev.orderchainer.common.aws.AwsClients;
import dev.orderchainer.common.config.AppLink;
import dev.orderchainer.common.config.ConfigurationException;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.security.RateLimiter;
import dev.orderchainer.signup.domain.Mailer;
import dev.orderchainer.signup.domain.PasswordPolicy;
import dev.orderchainer.signup.domain.Registration;
import dev.orderchainer.signup.mail.FileMailer;
import dev.orderchainer.signup.mail.SesMailer;
import java.nio.file.Path;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** What register and resend-verification need: the auth stores plus the password policy and a mailer. */
final class SignupComponents {
    private final AuthComponents auth;

    SignupComponents(Env env) {
        this.auth = new AuthComponents(env);
    }

    Env env() {
        return auth.env();
    }

    RateLimiter rateLimiter() {
        return auth.rateLimiter();
    }

    Registration registration() {
        Env env = auth.env();
        return new Registration(auth.users(), auth.verificationTokens(), mailer(),
                new PasswordPolicy(env.integer("PASSWORD_MIN_LENGTH", 12, 8, 64)), new PasswordHasher(), auth.clock(),
                AppLink.of(env.required("VERIFY_EMAIL_URL"), env)::resolved);
    }

    private Mailer mailer() {
        Env env = auth.env();
        String from = env.required("EMAIL_FROM");
        String transport = env.string("EMAIL_TRANSPORT", "ses");
        switch (transport) {
            case "ses":
                return new SesMailer(new AwsClients(env).build(SesV2Client.builder(), "SESV2"), from);
            case "file":
                return new FileMailer(Path.of(env.string("MAIL_DIR", ".local/mail")), from, auth.clock());
            default:
                throw new ConfigurationException("EMAIL_TRANSPORT must be ses or file, got '" + transport + "'");
        }
    }
}
