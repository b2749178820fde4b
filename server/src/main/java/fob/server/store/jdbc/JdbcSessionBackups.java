package fob.server.store.jdbc;

import static fob.server.store.jdbc.Sql.first;
import static fob.server.store.jdbc.Sql.query;

import fob.server.store.BackupVersion;
import fob.server.store.Session;
import fob.server.store.SessionBackups;
import java.util.List;
import java.util.Optional;

/** A session and its account's current backup in one query (the left joins keep a session without a backup). */
final class JdbcSessionBackups implements SessionBackups {
    private static final Sql.RowMapper<SessionBackup> ROW = row -> {
        Session session = JdbcSessions.SESSION.map(row);
        long version = row.getLong("version");
        Optional<BackupVersion> backup = row.wasNull() ? Optional.empty()
                : Optional.of(new BackupVersion(version, row.getBytes("body"), row.getLong("version_created_at")));
        return new SessionBackup(session, backup);
    };

    private final Database database;

    JdbcSessionBackups(Database database) {
        this.database = database;
    }

    @Override
    public Optional<SessionBackup> findSessionWithBackup(byte[] tokenHash) {
        List<SessionBackup> rows = database.read(connection -> query(connection, ROW, "SELECT s.id, s.token_hash,"
                + " s.account_id,"
                + " s.credential_id, s.device, s.created_at, s.last_seen_at, s.authenticated_at, v.version, v.body,"
                + " v.created_at AS version_created_at FROM sessions s"
                + " LEFT JOIN accounts a ON a.id = s.account_id"
                + " LEFT JOIN backup_versions v ON v.account_id = a.id AND v.version = a.current_version"
                + " WHERE s.token_hash = ?", tokenHash));
        // The token hash and both joins are on keys: more than one row would be a wrong join, never a choice.
        if (rows.size() > 1) {
            throw new IllegalStateException("one token hash gave " + rows.size() + " sessions with backups");
        }
        return first(rows);
    }
}
