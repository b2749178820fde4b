package fob.server.store.jdbc;

import static fob.server.store.jdbc.Sql.first;
import static fob.server.store.jdbc.Sql.query;
import static fob.server.store.jdbc.Sql.update;

import fob.server.store.Session;
import fob.server.store.SessionTokens;
import fob.server.store.SignedInDevices;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The sessions table: by token hash for the cookie, by public id for the devices list. */
final class JdbcSessions implements SessionTokens, SignedInDevices {
    static final Sql.RowMapper<Session> SESSION = row -> new Session(row.getString("id"),
            row.getBytes("token_hash"), row.getString("account_id"), row.getBytes("credential_id"),
            row.getString("device"), row.getLong("created_at"), row.getLong("last_seen_at"),
            row.getLong("authenticated_at"));

    private final Database database;

    JdbcSessions(Database database) {
        this.database = database;
    }

    @Override
    public void createSession(Session s) {
        database.write(connection -> update(connection, "INSERT INTO sessions (id, token_hash, account_id,"
                + " credential_id, device, created_at, last_seen_at, authenticated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                s.id(), s.tokenHash(), s.accountId(), s.credentialId(), s.device(), s.createdAt(), s.lastSeenAt(),
                s.authenticatedAt()));
    }

    @Override
    public Optional<Session> findSession(byte[] tokenHash) {
        return database.read(connection -> first(query(connection, SESSION,
                "SELECT * FROM sessions WHERE token_hash = ?", tokenHash)));
    }

    @Override
    public void touchSession(byte[] tokenHash, long now) {
        database.write(connection -> update(connection, "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?",
                now, tokenHash));
    }

    @Override
    public void deleteSession(byte[] tokenHash) {
        database.write(connection -> update(connection, "DELETE FROM sessions WHERE token_hash = ?", tokenHash));
    }

    @Override
    public List<Session> sessions(String accountId) {
        return database.read(connection -> query(connection, SESSION,
                "SELECT * FROM sessions WHERE account_id = ? ORDER BY last_seen_at DESC, created_at DESC", accountId));
    }

    @Override
    public boolean deleteSession(String accountId, String sessionId) {
        return database.write(connection -> update(connection, "DELETE FROM sessions WHERE account_id = ? AND id = ?",
                accountId, sessionId) == 1);
    }

    @Override
    public int deleteOtherSessions(String accountId, String keepSessionId) {
        return database.write(connection -> update(connection, "DELETE FROM sessions WHERE account_id = ? AND id <> ?",
                accountId, keepSessionId));
    }

    @Override
    public boolean renameSession(String accountId, String sessionId, String device) {
        return database.write(connection -> update(connection,
                "UPDATE sessions SET device = ? WHERE account_id = ? AND id = ?", device, accountId, sessionId) == 1);
    }

    /**
     * Deletes, in the caller's transaction, the sessions idle since {@code idleBefore} or made before
     * {@code createdBefore}; returns how many went.
     */
    static int deleteExpired(Connection connection, long idleBefore, long createdBefore) throws SQLException {
        return update(connection, "DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?", idleBefore,
                createdBefore);
    }

    /** Deletes, in the caller's transaction, the sessions the passkey signed in. */
    static void deleteOfPasskey(Connection connection, String accountId, byte[] credentialId) throws SQLException {
        update(connection, "DELETE FROM sessions WHERE account_id = ? AND credential_id = ?", accountId,
                credentialId);
    }
}
