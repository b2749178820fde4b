package fob.server.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.sqlite.SQLiteConnection;

/**
 * Prepared statements kept per SQLite connection, by their SQL. SQLite compiles each statement it is given, and
 * neither sqlite-jdbc nor HikariCP keeps them (PostgreSQL's driver does, by SQL, on its own): compiling was a
 * large share of a request's server time in issue 27's profile. A connection is used by one thread at a time (the
 * pool lends it), so its statements are too; they are made on the pooled connection itself, which HikariCP
 * neither tracks nor closes with the loan, and they go when it is closed.
 */
final class SqliteStatements {
    /** Every statement the store writes is a constant; a bound keeps a mistake from growing without end. */
    private static final int MOST = 128;
    /** By connection, for the open ones: a statement holds its connection, so weak keys would never be let go. */
    private static final Map<SQLiteConnection, Map<String, PreparedStatement>> KEPT = new IdentityHashMap<>();

    private SqliteStatements() {
    }

    /** The SQLite connection under {@code connection} (a pool's loan of it), or null for another database. */
    static SQLiteConnection of(Connection connection) throws SQLException {
        return connection.isWrapperFor(SQLiteConnection.class) ? connection.unwrap(SQLiteConnection.class) : null;
    }

    /** A statement for {@code sql} on {@code connection}, prepared once; its parameters are cleared. */
    static PreparedStatement prepare(SQLiteConnection connection, String sql) throws SQLException {
        Map<String, PreparedStatement> statements = statementsOf(connection);
        PreparedStatement statement = statements.get(sql);
        if (statement != null && !statement.isClosed()) {
            statement.clearParameters();
            return statement;
        }
        statement = connection.prepareStatement(sql);
        if (statements.size() < MOST || statements.containsKey(sql)) {
            statements.put(sql, statement);
        }
        return statement;
    }

    /** Whether {@code statement} is kept for its connection (and so must not be closed after use). */
    static boolean isKept(SQLiteConnection connection, String sql, PreparedStatement statement) {
        Map<String, PreparedStatement> statements;
        synchronized (KEPT) {
            statements = KEPT.get(connection);
        }
        return statements != null && statements.get(sql) == statement;
    }

    private static boolean isClosed(SQLiteConnection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** The connection's statements; a new connection first lets go of those of connections the pool closed. */
    private static Map<String, PreparedStatement> statementsOf(SQLiteConnection connection) {
        synchronized (KEPT) {
            Map<String, PreparedStatement> statements = KEPT.get(connection);
            if (statements == null) {
                KEPT.keySet().removeIf(SqliteStatements::isClosed);
                statements = new HashMap<>();
                KEPT.put(connection, statements);
            }
            return statements;
        }
    }
}
