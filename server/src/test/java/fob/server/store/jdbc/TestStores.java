package fob.server.store.jdbc;

import fob.server.testing.TestPostgres;
import java.nio.file.Files;

/** A new, empty store for a store test: on PostgreSQL (a new database of the test cluster) or on SQLite. */
final class TestStores {
    private TestStores() {
    }

    /** {@code database}: "postgresql" or "sqlite". */
    static Store open(String database) throws Exception {
        if (database.equals("postgresql")) {
            return new Store(new PostgresDatabase(TestPostgres.get().newDatabase(), "fob", ""));
        }
        return new Store(new SqliteDatabase("jdbc:sqlite:" + Files.createTempDirectory("fob-store").resolve("fob.db")));
    }
}
