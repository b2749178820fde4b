package fob.server.store;

import fob.server.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The server's database: by default an SQLite file in the data directory, created on first start, in WAL mode
 * with {@code synchronous=FULL} so that an acknowledged write survives a power cut.
 */
public final class Database implements AutoCloseable {
    private final Connection connection;

    private Database(Connection connection) {
        this.connection = connection;
    }

    public static Database open(Config config) throws IOException, SQLException {
        if (!config.dbUrl.startsWith("jdbc:sqlite:")) {
            throw new SQLException("This version of Fob stores data in SQLite only; PostgreSQL support comes with"
                    + " the backup server");
        }
        Files.createDirectories(config.dataDir);
        Connection connection = DriverManager.getConnection(config.dbUrl);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA synchronous=FULL");
            statement.execute("PRAGMA foreign_keys=ON");
            statement.execute("PRAGMA busy_timeout=5000");
        }
        return new Database(connection);
    }

    /** Whether the database answers a query now. */
    public synchronized boolean isHealthy() {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT 1")) {
            return rows.next();
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}
