package fob.server.store.jdbc;

import fob.server.store.PreconditionFailedException;
import fob.server.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The connections every part of the store shares, and the one way each part uses them: a unit of work in a
 * transaction. Subclasses say where reads and writes go, how a row is locked for update, and what a deletion
 * must do besides; the schema (db/sqlite, db/postgresql) differs only in column types.
 */
abstract class Database implements AutoCloseable {
    /** A unit of work on one connection, inside one transaction. */
    interface Work<T> {
        T run(Connection connection) throws SQLException, PreconditionFailedException;
    }

    /** The connections for reading. */
    abstract DataSource readers();

    /** The connections for writing (for SQLite, one, so that writers queue here rather than in the file). */
    abstract DataSource writers();

    /** What follows a SELECT of the row a write depends on, to lock it until the transaction ends. */
    abstract String lockForUpdate();

    static <T> T transaction(DataSource source, Work<T> work) throws PreconditionFailedException {
        try (Connection connection = source.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | PreconditionFailedException | RuntimeException | Error e) {
                // An Error too: the pool would not roll back for us (the statements run on the connection it
                // lends, not through its wrapper; SqliteStatements), and sqlite-jdbc commits when the pool resets
                // auto-commit.
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("database failure: " + e.getMessage(), e);
        }
    }

    /**
     * Runs a write in a transaction of its own; SQLite's database overrides it to share one commit among the
     * writes that arrive together.
     */
    <T> T writeTransaction(Work<T> work) throws PreconditionFailedException {
        return transaction(writers(), work);
    }

    /** A write that has no precondition to fail. */
    final <T> T write(Work<T> work) {
        try {
            return writeTransaction(work);
        } catch (PreconditionFailedException e) {
            throw new IllegalStateException("a write without a precondition failed one", e);
        }
    }

    final <T> T read(Work<T> work) {
        try {
            return transaction(readers(), work);
        } catch (PreconditionFailedException e) {
            throw new IllegalStateException("a read failed a precondition", e);
        }
    }

    /**
     * After a deletion, makes the deleted bytes unreadable in the database's own files where it can. The
     * default does nothing; SQLite's database empties its write-ahead log.
     */
    void eraseFreedBytes() {
    }

    final boolean isHealthy() {
        try {
            return read(connection -> Sql.query(connection, row -> row.getInt(1), "SELECT 1").size() == 1);
        } catch (StoreException e) {
            return false;
        }
    }

    @Override
    public abstract void close();
}
