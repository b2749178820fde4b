package fob.server.store.jdbc;

import fob.server.store.ChangeFeed;
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
    public static ChangeFeed changeFeed(Store store) {
        if (store.database() instanceof PostgresDatabase postgres) {
            return postgres.changeFeed();
        }
        return new InProcessChangeFeed();
    }

    /** {@code user} and {@code password} are PostgreSQL's (empty: none); SQLite has none. */
    public static Store open(String jdbcUrl, String user, String password) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return new Store(new PostgresDatabase(jdbcUrl, user, password));
        }
        return new Store(new SqliteDatabase(jdbcUrl));
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
