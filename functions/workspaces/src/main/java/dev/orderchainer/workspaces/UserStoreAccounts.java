package dev.orderchainer.workspaces;

import dev.orderchainer.auth.domain.User;
import dev.orderchainer.auth.domain.UserStore;
import dev.orderchainer.workspaces.domain.Account;
import dev.orderchainer.workspaces.domain.Accounts;
import java.util.Optional;

/** The accounts a workspace reads, from the user store. */
final class UserStoreAccounts implements Accounts {
    private final UserStore users;

    UserStoreAccounts(UserStore users) {
        this.users = users;
    }

    @Override
    public Optional<Account> find(String userId) {
        return users.findById(userId).map(UserStoreAccounts::account);
    }

    static Account account(User user) {
        return new Account(user.id(), user.username(), user.email(), user.emailVerified(), user.createdAt());
    }
}
