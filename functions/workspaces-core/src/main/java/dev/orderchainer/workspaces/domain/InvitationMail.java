package dev.orderchainer.workspaces.domain;

/** Sends an invitation's link to its address (through the same mailer as the verification mail). */
public interface InvitationMail {
    void send(Invitation invitation, InvitationToken token, String workspaceName, String inviterName);
}
