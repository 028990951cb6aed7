package dev.orderchainer.workspaces.domain;

/** The API's invitation: who is invited with which role until when (never the token). */
public record InvitationView(String id, String email, Role role, String expiresAt, String createdAt) {
    static InvitationView of(Invitation invitation) {
        return new InvitationView(invitation.id(), invitation.email(), invitation.role(), invitation.expiresAt().toString(),
                invitation.createdAt().toString());
    }
}
