package dev.orderchainer.workspaces.domain;

/** How many invitations one person may send in a while: throws a rate-limited refusal past it. */
public interface InvitationQuota {
    int PER_HOUR = 20;

    void take(String inviterId);
}
