package dev.orderchainer.auth.mail;

import dev.orderchainer.auth.domain.Mailer;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Sends through Amazon SES v2 from a verified identity. */
public final class SesMailer implements Mailer {
    private final SesV2Client ses;
    private final String from;

    public SesMailer(SesV2Client ses, String from) {
        this.ses = ses;
        this.from = from;
    }

    @Override
    public void send(Email email) {
        ses.sendEmail(r -> r.fromEmailAddress(from)
                .destination(d -> d.toAddresses(email.to()))
                .content(c -> c.simple(m -> m
                        .subject(s -> s.data(email.subject()).charset("UTF-8"))
                        .body(b -> b.text(t -> t.data(email.text()).charset("UTF-8"))))));
    }
}
