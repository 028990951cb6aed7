package dev.orderchainer.workspaces.domain;

import dev.orderchainer.common.domain.LimitExceededException;
import java.util.Map;

public final class TooManyInvitationsException extends LimitExceededException {
    TooManyInvitationsException(int max) {
        super("A workspace has at most " + max + " pending invitations; revoke some first", Map.of("max_pending_invitations", max));
    }
}
