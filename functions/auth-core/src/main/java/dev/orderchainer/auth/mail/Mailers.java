package dev.orderchainer.auth.mail;

import dev.orderchainer.auth.domain.Mailer;
import dev.orderchainer.common.aws.AwsClients;
import dev.orderchainer.common.config.ConfigurationException;
import dev.orderchainer.common.config.Env;
import java.nio.file.Path;
import java.time.Clock;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The one mailer every function that sends mail uses (verification, invitations): SES when deployed, .eml files
 * in the local cloud, chosen by EMAIL_TRANSPORT. A function that sends mail depends on sesv2 itself (optional here).
 */
public final class Mailers {
    private Mailers() {}

    public static Mailer fromEnvironment(Env env, Clock clock) {
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
