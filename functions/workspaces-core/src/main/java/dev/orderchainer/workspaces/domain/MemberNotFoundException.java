package dev.orderchainer.workspaces.domain;

import dev.orderchainer.common.domain.NotFoundException;

public final class MemberNotFoundException extends NotFoundException {
    public MemberNotFoundException(String userId) {
        super("No member " + userId + " in this workspace");
    }
}
