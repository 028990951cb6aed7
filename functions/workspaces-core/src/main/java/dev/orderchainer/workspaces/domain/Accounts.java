package dev.orderchainer.workspaces.domain;

import java.util.Optional;

/** The user accounts, read-only: who a member is. */
public interface Accounts {
    Optional<Account> find(String userId);
}
