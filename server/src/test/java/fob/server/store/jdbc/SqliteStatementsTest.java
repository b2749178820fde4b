package fob.server.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.server.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConnection;

/** SQLite's statements, kept per connection: reused with fresh parameters, and let go with their connection. */
class SqliteStatementsTest {
    @TempDir
    Path directory;

    private Connection open() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("test.db"));
    }

    @Test
    void aStatementIsPreparedOnceAndAnsweredWithEachCallsParameters() throws Exception {
        try (Connection connection = open()) {
            Sql.update(connection, "CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)");
            Sql.update(connection, "INSERT INTO t VALUES (?, ?)", "a", 1);
            Sql.update(connection, "INSERT INTO t VALUES (?, ?)", "b", 2);
            String select = "SELECT v FROM t WHERE k = ?";
            assertEquals(List.of(1), Sql.query(connection, row -> row.getInt(1), select, "a"));
            assertEquals(List.of(2), Sql.query(connection, row -> row.getInt(1), select, "b"));
            assertEquals(List.of(), Sql.query(connection, row -> row.getInt(1), select, "c"));

            SQLiteConnection sqlite = SqliteStatements.of(connection);
            PreparedStatement kept = SqliteStatements.prepare(sqlite, select);
            assertSame(kept, SqliteStatements.prepare(sqlite, select), "prepared once");
            assertTrue(SqliteStatements.isKept(sqlite, select, kept));
        }
    }

    @Test
    void aClosedConnectionsStatementsAreNotUsedAgain() throws Exception {
        String select = "SELECT 1";
        PreparedStatement first;
        SQLiteConnection closed;
        try (Connection connection = open()) {
            closed = SqliteStatements.of(connection);
            first = SqliteStatements.prepare(closed, select);
            assertTrue(SqliteStatements.isKept(closed, select, first));
        }
        try (Connection connection = open()) {
            SQLiteConnection sqlite = SqliteStatements.of(connection);
            PreparedStatement second = SqliteStatements.prepare(sqlite, select);
            assertNotSame(first, second);
            assertFalse(SqliteStatements.isKept(closed, select, first), "let go with its connection");
            assertEquals(List.of(1), Sql.query(connection, row -> row.getInt(1), select));
        }
    }

    /**
     * The pool cannot see work done through kept statements, and sqlite-jdbc commits when the pool turns auto-commit
     * back on: an Error in the middle of a write must still leave nothing of it written, in a group commit and in a
     * transaction of its own.
     */
    @Test
    @org.junit.jupiter.api.Timeout(60)
    void anErrorInTheMiddleOfAWriteLeavesNothingOfIt() throws Exception {
        try (SqliteDatabase database = new SqliteDatabase("jdbc:sqlite:" + directory.resolve("fob.db"))) {
            database.write(connection -> Sql.update(connection, "CREATE TABLE t (x INTEGER)"));
            StoreException grouped = assertThrows(StoreException.class, () -> database.write(connection -> {
                Sql.update(connection, "INSERT INTO t VALUES (?)", 1);
                throw new StackOverflowError("in the middle of a write");
            }));
            assertTrue(grouped.getCause() instanceof StackOverflowError, "the writer answers, and lives on");
            assertThrows(StackOverflowError.class, () -> Database.transaction(database.writers(), connection -> {
                Sql.update(connection, "INSERT INTO t VALUES (?)", 2);
                throw new StackOverflowError("in the middle of a write");
            }));
            database.write(connection -> Sql.update(connection, "INSERT INTO t VALUES (?)", 3));
            assertEquals(List.of(1), database.read(connection -> Sql.query(connection, row -> row.getInt(1),
                    "SELECT COUNT(*) FROM t")));
        }
    }
}
