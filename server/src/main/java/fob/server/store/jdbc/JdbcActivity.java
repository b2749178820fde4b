package fob.server.store.jdbc;

import static fob.server.store.jdbc.Sql.query;
import static fob.server.store.jdbc.Sql.update;

import fob.server.store.ActivityEvent;
import fob.server.store.ActivityLog;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The activity table. */
final class JdbcActivity implements ActivityLog {
    /** Events kept per account: months of normal use, and a bound on what an attacker can make us store. */
    private static final int ACTIVITY_KEPT = 500;

    private final Database database;

    JdbcActivity(Database database) {
        this.database = database;
    }

    @Override
    public void recordActivity(String accountId, ActivityEvent e) {
        database.write(connection -> {
            insert(connection, accountId, e);
            return null;
        });
    }

    /** Records the event in the caller's transaction, and lets the account's oldest beyond the kept go. */
    static void insert(Connection connection, String accountId, ActivityEvent e) throws SQLException {
        update(connection, "INSERT INTO activity (account_id, at, kind, address, detail) VALUES (?, ?, ?, ?, ?)",
                accountId, e.at(), e.kind(), e.address(), e.detail());
        update(connection, "DELETE FROM activity WHERE account_id = ? AND id <= (SELECT id FROM activity"
                + " WHERE account_id = ? ORDER BY id DESC LIMIT 1 OFFSET " + ACTIVITY_KEPT + ")", accountId,
                accountId);
    }

    @Override
    public List<ActivityEvent> activity(String accountId, int limit) {
        return database.read(connection -> query(connection, row -> new ActivityEvent(row.getLong("at"),
                row.getString("kind"), row.getString("address"), row.getString("detail")),
                "SELECT at, kind, address, detail FROM activity WHERE account_id = ? ORDER BY id DESC LIMIT ?",
                accountId, limit));
    }

    /** Deletes, in the caller's transaction, the events older than {@code before}; returns how many went. */
    static int deleteBefore(Connection connection, long before) throws SQLException {
        return update(connection, "DELETE FROM activity WHERE at < ?", before);
    }
}
