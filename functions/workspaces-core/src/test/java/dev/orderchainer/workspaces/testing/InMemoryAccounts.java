package dev.orderchainer.workspaces.testing;

import dev.orderchainer.workspaces.domain.Account;
import dev.orderchainer.workspaces.domain.Accounts;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Accounts in memory. */
public final class InMemoryAccounts implements Accounts {
    private final Map<String, Account> accounts = new LinkedHashMap<>();

    /** A verified account named {@code username}, whose id is {@code id}. */
    public Account add(String id, String username) {
        Account account = new Account(id, username, username + "@example.com", true, Instant.parse("2026-11-01T00:00:00Z"));
        accounts.put(id, account);
        return account;
    }

    /** Any account, as given (an unverified one, another address). */
    public Account put(Account account) {
        accounts.put(account.userId(), account);
        return account;
    }

    @Override
    public Optional<Account> find(String userId) {
        return Optional.ofNullable(accounts.get(userId));
    }
}
