package dev.orderchainer.workspaces.domain;

import dev.orderchainer.common.domain.UpstreamFailureException;
import java.util.Map;

/** The mail could not be sent, so the invitation was withdrawn: nobody holds a link to it. */
public final class InvitationMailFailedException extends UpstreamFailureException {
    InvitationMailFailedException() {
        super("The invitation mail could not be sent; nothing was kept, try again later", Map.of());
    }
}
