package fob.server.store.jdbc;

import fob.server.store.Expiry;

/** The janitor's deletions, each table's own statement, gathered in the transactions the janitor runs. */
final class JdbcExpiry implements Expiry {
    private final Database database;

    JdbcExpiry(Database database) {
        this.database = database;
    }

    @Override
    public int purgeExpired(long sessionsIdleBefore, long sessionsCreatedBefore, long now) {
        return database.write(connection -> JdbcSessions.deleteExpired(connection, sessionsIdleBefore,
                sessionsCreatedBefore)
                + JdbcChallenges.deleteExpired(connection, now)
                + JdbcRateLimits.deleteFull(connection, now));
    }

    @Override
    public int deleteActivityBefore(long before) {
        return database.write(connection -> JdbcActivity.deleteBefore(connection, before));
    }
}
