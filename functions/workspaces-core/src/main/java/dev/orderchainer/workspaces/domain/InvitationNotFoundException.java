package dev.orderchainer.workspaces.domain;

import dev.orderchainer.common.domain.NotFoundException;

public final class InvitationNotFoundException extends NotFoundException {
    InvitationNotFoundException(String id) {
        super("No pending invitation " + id + " in this workspace");
    }
}
