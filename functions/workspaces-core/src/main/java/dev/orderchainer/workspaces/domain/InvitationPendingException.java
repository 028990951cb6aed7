package dev.orderchainer.workspaces.domain;

import dev.orderchainer.common.domain.ConflictException;
import java.util.Map;

/** The address has a pending invitation to this workspace already: revoke it to send another. */
public final class InvitationPendingException extends ConflictException {
    InvitationPendingException(String invitationId) {
        super("This address has a pending invitation already; revoke it to send a new one", Map.of("invitation_id", invitationId));
    }
}
