package fob.server.store.jdbc;

import static fob.server.store.jdbc.Sql.first;
import static fob.server.store.jdbc.Sql.query;
import static fob.server.store.jdbc.Sql.update;

import fob.server.store.Challenge;
import fob.server.store.Challenges;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** The challenges table. */
final class JdbcChallenges implements Challenges {
    private final Database database;

    JdbcChallenges(Database database) {
        this.database = database;
    }

    @Override
    public void saveChallenge(Challenge c) {
        database.write(connection -> update(connection, "INSERT INTO challenges (challenge, purpose, account_id,"
                + " user_handle, name, binding, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)", c.value(),
                c.purpose().name(), c.accountId(), c.userHandle(), c.name(), c.binding(), c.expiresAt()));
    }

    @Override
    public Optional<Challenge> consumeChallenge(byte[] value, Challenge.Purpose purpose, byte[] binding, long now) {
        // One statement, so that of two requests presenting the same challenge exactly one gets it. A request
        // from another browser (another binding) leaves the challenge to the browser it belongs to.
        return database.write(connection -> first(query(connection, row -> new Challenge(value, purpose,
                row.getString("account_id"), row.getBytes("user_handle"), row.getString("name"), binding,
                row.getLong("expires_at")), "DELETE FROM challenges WHERE challenge = ? AND purpose = ?"
                + " AND binding = ? AND expires_at > ? RETURNING account_id, user_handle, name, expires_at", value,
                purpose.name(), binding, now)));
    }

    /** Deletes the challenges expired at {@code now}, in the caller's transaction; returns how many went. */
    static int deleteExpired(Connection connection, long now) throws SQLException {
        return update(connection, "DELETE FROM challenges WHERE expires_at <= ?", now);
    }

    /** Deletes the challenges handed out for the account, in the caller's transaction. */
    static void deleteOfAccount(Connection connection, String accountId) throws SQLException {
        update(connection, "DELETE FROM challenges WHERE account_id = ?", accountId);
    }
}
