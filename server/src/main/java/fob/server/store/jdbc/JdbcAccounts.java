package fob.server.store.jdbc;

import static fob.server.store.jdbc.Sql.first;
import static fob.server.store.jdbc.Sql.query;
import static fob.server.store.jdbc.Sql.update;

import fob.server.store.Account;
import fob.server.store.AccountDeletion;
import fob.server.store.Passkey;
import fob.server.store.RecoveryAccounts;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The accounts table: making an account with its first passkey, finding it, and deleting it with everything
 * it has (the tables that do not cascade from it by their own statements, in the same transaction).
 */
final class JdbcAccounts implements RecoveryAccounts, AccountDeletion {
    private static final Sql.RowMapper<Account> ACCOUNT = row -> new Account(row.getString("id"),
            row.getString("name"), row.getBytes("user_handle"), row.getLong("created_at"));

    private final Database database;

    JdbcAccounts(Database database) {
        this.database = database;
    }

    /**
     * Locks the account's row until the caller's transaction ends (PostgreSQL; SQLite has one writer already):
     * the writes that depend on what the account has take turns.
     */
    static void lock(Connection connection, Database database, String accountId) throws SQLException {
        query(connection, row -> null, "SELECT id FROM accounts WHERE id = ?" + database.lockForUpdate(), accountId);
    }

    @Override
    public void createAccount(Account account, Passkey passkey) {
        database.write(connection -> {
            update(connection, "INSERT INTO accounts (id, name, user_handle, created_at) VALUES (?, ?, ?, ?)",
                    account.id(), account.name(), account.userHandle(), account.createdAt());
            JdbcPasskeys.insert(connection, passkey);
            return null;
        });
    }

    @Override
    public Optional<Account> findAccount(String accountId) {
        return database.read(connection -> first(query(connection, ACCOUNT, "SELECT * FROM accounts WHERE id = ?",
                accountId)));
    }

    @Override
    public boolean deleteAccount(String accountId, List<String> buckets) {
        boolean existed = database.write(connection -> {
            lock(connection, database, accountId);
            JdbcRateLimits.delete(connection, buckets);
            JdbcChallenges.deleteOfAccount(connection, accountId);
            // Its versions here, for their bytes to leave the stored total.
            JdbcBackupVersions.deleteAll(connection, accountId);
            // Passkeys, sessions and activity go with it (ON DELETE CASCADE).
            return update(connection, "DELETE FROM accounts WHERE id = ?", accountId) == 1;
        });
        database.eraseFreedBytes();
        return existed;
    }
}
