package fob.server.store;

import fob.server.Config;

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
}
