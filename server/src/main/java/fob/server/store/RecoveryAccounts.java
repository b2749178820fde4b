package fob.server.store;

import java.util.Optional;

/** Recovery accounts as the WebAuthn ceremonies make and find them. */
public interface RecoveryAccounts {
    /** Creates the account with its first passkey, in one transaction. */
    void createAccount(Account account, Passkey passkey);

    Optional<Account> findAccount(String accountId);
}
