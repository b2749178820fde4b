package fob.server.store.jdbc;

import static fob.server.store.jdbc.Sql.first;
import static fob.server.store.jdbc.Sql.nullableLong;
import static fob.server.store.jdbc.Sql.query;
import static fob.server.store.jdbc.Sql.update;

import fob.server.store.Passkey;
import fob.server.store.Passkeys;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The passkeys table. */
final class JdbcPasskeys implements Passkeys {
    private static final Sql.RowMapper<Passkey> PASSKEY = row -> new Passkey(row.getBytes("credential_id"),
            row.getString("account_id"), row.getBytes("attested_credential"), row.getLong("sign_count"),
            row.getBoolean("uv_initialized"), row.getBoolean("backup_eligible"), row.getBoolean("backup_state"),
            row.getString("transports"), row.getLong("created_at"), nullableLong(row, "last_used_at"));

    private final Database database;

    JdbcPasskeys(Database database) {
        this.database = database;
    }

    /** Inserts the passkey in the caller's transaction (with its account, when that is new). */
    static void insert(Connection connection, Passkey p) throws SQLException {
        update(connection, "INSERT INTO passkeys (credential_id, account_id, attested_credential, sign_count,"
                + " uv_initialized, backup_eligible, backup_state, transports, created_at, last_used_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", p.credentialId(), p.accountId(), p.attestedCredential(),
                p.signCount(), p.uvInitialized(), p.backupEligible(), p.backupState(), p.transports(), p.createdAt(),
                p.lastUsedAt());
    }

    @Override
    public Optional<Passkey> findPasskey(byte[] credentialId) {
        return database.read(connection -> first(query(connection, PASSKEY,
                "SELECT * FROM passkeys WHERE credential_id = ?", credentialId)));
    }

    @Override
    public List<Passkey> passkeys(String accountId) {
        return database.read(connection -> query(connection, PASSKEY,
                "SELECT * FROM passkeys WHERE account_id = ? ORDER BY created_at", accountId));
    }

    @Override
    public void addPasskey(Passkey passkey) {
        database.write(connection -> {
            insert(connection, passkey);
            return null;
        });
    }

    @Override
    public boolean recordPasskeyUse(byte[] credentialId, long expectedSignCount, long signCount, boolean backupState,
            long now) {
        return database.write(connection -> update(connection, "UPDATE passkeys SET sign_count = ?, backup_state = ?,"
                + " last_used_at = ? WHERE credential_id = ? AND sign_count = ?", signCount, backupState, now,
                credentialId, expectedSignCount) == 1);
    }

    @Override
    public boolean removePasskey(String accountId, byte[] credentialId) {
        return database.write(connection -> {
            // Locking the account row makes two removals of its last two passkeys take turns.
            JdbcAccounts.lock(connection, database, accountId);
            long count = query(connection, row -> row.getLong(1), "SELECT COUNT(*) FROM passkeys WHERE account_id = ?",
                    accountId).get(0);
            if (count <= 1) {
                return false;
            }
            if (update(connection, "DELETE FROM passkeys WHERE account_id = ? AND credential_id = ?", accountId,
                    credentialId) != 1) {
                return false;
            }
            JdbcSessions.deleteOfPasskey(connection, accountId, credentialId);
            return true;
        });
    }
}
