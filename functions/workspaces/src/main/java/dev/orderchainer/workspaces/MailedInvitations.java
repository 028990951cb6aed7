package dev.orderchainer.workspaces;

import dev.orderchainer.auth.domain.Mailer;
import dev.orderchainer.workspaces.domain.Invitation;
import dev.orderchainer.workspaces.domain.InvitationMail;
import dev.orderchainer.workspaces.domain.InvitationToken;
import java.util.function.Supplier;

/** The invitation as a mail through the mailer verification uses, its link opening the web app's accept page. */
final class MailedInvitations implements InvitationMail {
    private final Mailer mailer;
    /** The accept page's address, the token appended; asked for each mail (it may be read at run time). */
    private final Supplier<String> acceptLink;

    MailedInvitations(Mailer mailer, Supplier<String> acceptLink) {
        this.mailer = mailer;
        this.acceptLink = acceptLink;
    }

    @Override
    public void send(Invitation invitation, InvitationToken token, String workspaceName, String inviterName) {
        String link = acceptLink.get() + token.text();
        mailer.send(new Mailer.Email(invitation.email(), inviterName + " invited you to " + workspaceName + " on OrderChainer",
                "Hello,\n\n" + inviterName + " invited you to the workspace \"" + workspaceName + "\" on OrderChainer as "
                        + invitation.role().wire() + ".\n\nOpen this link within 7 days to accept (sign up or sign in with this "
                        + "address first):\n\n" + link + "\n\nIf you do not know " + inviterName + ", ignore this email.\n", link));
    }
}
