package fob.server.store;

import fob.server.Config;

/** Opens the store that {@code FOB_DB_URL} names, migrating its schema to the current version first. */
public final class Stores {
    private Stores() {
    }

    public static Store open(Config config) {
        if (config.dbUrl.startsWith("jdbc:postgresql:")) {
            return new PostgresStore(config.dbUrl, config.dbUser, config.dbPassword);
        }
        return new SqliteStore(config.dbUrl);
    }
}
