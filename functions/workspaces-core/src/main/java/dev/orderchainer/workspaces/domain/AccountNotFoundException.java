package dev.orderchainer.workspaces.domain;

import dev.orderchainer.common.domain.NotFoundException;

/** The token names a user whose account no longer exists (or never did): no workspace can be shown or made for it. */
public final class AccountNotFoundException extends NotFoundException {
    public AccountNotFoundException() {
        super("No account for this access token");
    }
}
