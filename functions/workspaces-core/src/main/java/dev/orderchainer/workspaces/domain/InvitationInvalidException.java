package dev.orderchainer.workspaces.domain;

import dev.orderchainer.common.domain.InvalidInputException;

/** The token is no invitation that can still be accepted: never sent, used, revoked or expired. */
public final class InvitationInvalidException extends InvalidInputException {
    InvitationInvalidException(String why) {
        super("Field 'token': " + why + "; ask the workspace's admins for a new invitation", "token");
    }
}
