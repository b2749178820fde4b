package fob.server.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteConnection;

/** The few JDBC steps every part of the store takes: bind parameters, run an update, map a query's rows. */
final class Sql {
    private Sql() {
    }

    /** Maps each row of a query. */
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /**
     * A statement with its parameters bound; {@link #done} after use. {@code sqlite} is the connection's own SQLite
     * connection ({@link SqliteStatements#of}), or null for another database.
     */
    private static PreparedStatement prepare(Connection connection, SQLiteConnection sqlite, String sql,
            Object... parameters) throws SQLException {
        PreparedStatement statement = sqlite != null ? SqliteStatements.prepare(sqlite, sql)
                : connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
        } catch (SQLException | RuntimeException e) {
            done(sqlite, sql, statement);
            throw e;
        }
        return statement;
    }

    /**
     * Closes the statement, unless it is one kept for its SQLite connection: that one lets go of its parameters at
     * once (a backup's bytes, say, which secure_delete means not to keep around).
     */
    private static void done(SQLiteConnection sqlite, String sql, PreparedStatement statement) throws SQLException {
        if (sqlite == null || !SqliteStatements.isKept(sqlite, sql, statement)) {
            statement.close();
        } else {
            statement.clearParameters();
        }
    }

    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        SQLiteConnection sqlite = SqliteStatements.of(connection);
        PreparedStatement statement = prepare(connection, sqlite, sql, parameters);
        try {
            return statement.executeUpdate();
        } finally {
            done(sqlite, sql, statement);
        }
    }

    static <T> List<T> query(Connection connection, RowMapper<T> mapper, String sql, Object... parameters)
            throws SQLException {
        SQLiteConnection sqlite = SqliteStatements.of(connection);
        PreparedStatement statement = prepare(connection, sqlite, sql, parameters);
        try (ResultSet rows = statement.executeQuery()) {
            List<T> results = new ArrayList<>();
            while (rows.next()) {
                results.add(mapper.map(rows));
            }
            return results;
        } finally {
            done(sqlite, sql, statement);
        }
    }

    static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
