package fob.server.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fob.server.store.PreconditionFailedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded default: one SQLite file, WAL with {@code synchronous=FULL} (an acknowledged write survives a
 * power cut), {@code secure_delete} (a deleted backup is overwritten, not left in free pages). Readers share a
 * pool; writes go through one connection in {@link GroupCommit}, so they never wait on the file's lock, and
 * writes that arrive together share one transaction and one sync.
 */
final class SqliteDatabase extends Database {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);
    private final HikariDataSource readers;
    private final HikariDataSource writers;
    private final GroupCommit groupCommit;

    SqliteDatabase(String jdbcUrl) {
        createParentDirectory(jdbcUrl);
        Flyway.configure().dataSource(dataSource(jdbcUrl, false)).locations("classpath:db/sqlite")
                .load().migrate();
        this.readers = pool("fob-sqlite-read", dataSource(jdbcUrl, false), 8);
        this.writers = pool("fob-sqlite-write", dataSource(jdbcUrl, true), 1);
        this.groupCommit = new GroupCommit(writers);
    }

    private static void createParentDirectory(String jdbcUrl) {
        Path parent = Stores.sqliteDirectory(jdbcUrl).orElse(null);
        if (parent == null) {
            return;
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + parent, e);
        }
    }

    private static SQLiteDataSource dataSource(String jdbcUrl, boolean forWriting) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        if (forWriting) {
            // Take the write lock when the transaction starts, not halfway through it.
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        }
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(jdbcUrl);
        return source;
    }

    private static HikariDataSource pool(String name, DataSource source, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setDataSource(source);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
    }

    @Override
    DataSource readers() {
        return readers;
    }

    @Override
    DataSource writers() {
        return writers;
    }

    @Override
    <T> T writeTransaction(Work<T> work) throws PreconditionFailedException {
        return groupCommit.run(work);
    }

    /**
     * secure_delete zeroes deleted rows in the pages it writes, but the pages as they were stay in the
     * write-ahead log until a checkpoint copies the new ones over them; TRUNCATE then empties the log. A
     * checkpoint waits for readers and writers (the busy timeout); one that could not finish is tried again,
     * and one that still cannot is logged: the deletion itself stands, and the next deletion's checkpoint
     * finishes the job.
     */
    @Override
    void eraseFreedBytes() {
        for (int attempt = 0; attempt < 5; attempt++) {
            try (Connection connection = readers.getConnection(); Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                if (result.next() && result.getInt(1) == 0) {
                    return;
                }
            } catch (SQLException e) {
                LOG.warn("Could not empty the write-ahead log after a deletion: {}", e.getMessage());
                return;
            }
        }
        LOG.warn("Could not empty the write-ahead log after a deletion: the database stayed busy");
    }

    @Override
    String lockForUpdate() {
        // The one writer connection and IMMEDIATE transactions already serialise every write.
        return "";
    }

    @Override
    public void close() {
        groupCommit.close();
        readers.close();
        writers.close();
    }
}
