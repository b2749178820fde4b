package fob.server.store.jdbc;

import static fob.server.store.jdbc.Sql.query;
import static fob.server.store.jdbc.Sql.update;

import fob.server.store.RateLimits;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The rate_limits table: one token bucket a row, locked while a token is taken. */
final class JdbcRateLimits implements RateLimits {
    private final Database database;

    JdbcRateLimits(Database database) {
        this.database = database;
    }

    @Override
    public long takeToken(String bucket, double capacity, double perMilli, long now) {
        return database.write(connection -> {
            update(connection, "INSERT INTO rate_limits (bucket, tokens, updated_at, full_at) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (bucket) DO NOTHING", bucket, capacity, now, now);
            double[] row = query(connection, r -> new double[] {r.getDouble("tokens"), r.getLong("updated_at")},
                    "SELECT tokens, updated_at FROM rate_limits WHERE bucket = ?" + database.lockForUpdate(), bucket)
                    .get(0);
            // Servers' clocks differ a little: time never runs backwards for a bucket.
            long updated = Math.max(now, (long) row[1]);
            double tokens = Math.min(capacity, row[0] + Math.max(0, now - (long) row[1]) * perMilli);
            if (tokens < 1) {
                return (long) Math.ceil((1 - tokens) / perMilli);
            }
            tokens -= 1;
            update(connection, "UPDATE rate_limits SET tokens = ?, updated_at = ?, full_at = ? WHERE bucket = ?",
                    tokens, updated, updated + (long) Math.ceil((capacity - tokens) / perMilli), bucket);
            return 0L;
        });
    }

    /** Deletes the buckets full again by {@code now}, in the caller's transaction; returns how many went. */
    static int deleteFull(Connection connection, long now) throws SQLException {
        return update(connection, "DELETE FROM rate_limits WHERE full_at <= ?", now);
    }

    /** Deletes the named buckets, in the caller's transaction. */
    static void delete(Connection connection, List<String> buckets) throws SQLException {
        for (String bucket : buckets) {
            update(connection, "DELETE FROM rate_limits WHERE bucket = ?", bucket);
        }
    }
}
