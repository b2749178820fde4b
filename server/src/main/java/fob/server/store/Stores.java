package fob.server.store;

import fob.server.Config;
import java.nio.file.Path;
import java.util.Optional;

/** Opens the store that {@code FOB_DB_URL} names, migrating its schema to the current version first. */
public final class Stores {
    private Stores() {
    }

    /**
     * How the servers on {@code store}'s database hear of each other's backup changes: PostgreSQL's
     * LISTEN/NOTIFY, or, for SQLite (one server), the process itself.
     */
    public static ChangeFeed changeFeed(Config config, Store store) {
        if (store instanceof PostgresStore postgres) {
            return new PostgresChangeFeed(postgres.pool(), config.dbUrl, config.dbUser, config.dbPassword);
        }
        return new InProcessChangeFeed();
    }

    public static Store open(Config config) {
        if (config.dbUrl.startsWith("jdbc:postgresql:")) {
            return new PostgresStore(config.dbUrl, config.dbUser, config.dbPassword);
        }
        return new SqliteStore(config.dbUrl);
    }

    /** The directory of the SQLite file {@code jdbcUrl} names, or nothing (PostgreSQL, or SQLite in memory). */
    public static Optional<Path> sqliteDirectory(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:sqlite:")) {
            return Optional.empty();
        }
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(file).toAbsolutePath().getParent());
    }
}
