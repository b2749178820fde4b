package fob.server.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.server.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration that stores each backup version's size (SQLite V5, PostgreSQL V6): versions written before it get
 * their real size, so the quota and retention count them as before; so do versions that servers of the previous
 * version write (during a rolling upgrade on PostgreSQL, or started again on a SQLite file); and SQLite's retention query reads the covering index
 * instead of walking each body's overflow pages.
 */
class BackupSizesMigrationTest {
    @TempDir
    Path directory;

    /** Writes two versions of 3 and 40,000 bytes with the schema of {@code target}, before the migration. */
    private static void writeVersionsBefore(String url, String user, String locations, String target)
            throws Exception {
        Flyway.configure().dataSource(url, user, "").locations(locations).target(target).load().migrate();
        try (Connection connection = DriverManager.getConnection(url, user, "")) {
            Sql.update(connection, "INSERT INTO accounts (id, name, user_handle, created_at, backup_seq,"
                    + " current_version) VALUES ('a', 'Ann', ?, 1, 2, 2)", (Object) new byte[] {1});
            Sql.update(connection, "INSERT INTO backup_versions (account_id, version, body, created_at)"
                    + " VALUES ('a', 1, ?, 10)", (Object) new byte[3]);
            Sql.update(connection, "INSERT INTO backup_versions (account_id, version, body, created_at)"
                    + " VALUES ('a', 2, ?, 20)", (Object) new byte[40_000]);
        }
    }

    private static List<String> versions(Database database) {
        return database.read(connection -> Sql.query(connection, row -> row.getLong(1) + ":" + row.getLong(2),
                "SELECT version, size FROM backup_versions ORDER BY version"));
    }

    @Test
    void sqliteVersionsWrittenBeforeOrByAnEarlierServerGetTheirSizesAndRetentionReadsOnlyTheIndex() throws Exception {
        String url = "jdbc:sqlite:" + directory.resolve("fob.db");
        writeVersionsBefore(url, null, "classpath:db/sqlite", "4");
        try (Database database = new SqliteDatabase(url)) {
            assertEquals(List.of("1:3", "2:40000"), versions(database));
            // A server of an earlier version, started again on this file, writes a version without its size.
            database.write(connection -> Sql.update(connection, "INSERT INTO backup_versions (account_id, version,"
                    + " body, created_at) VALUES ('a', 3, ?, 30)", (Object) new byte[5]));
            assertEquals(List.of("1:3", "2:40000", "3:5"), versions(database));
            assertEquals(5, new JdbcBackupVersions(database).backupVersions("a").get(0).size());
            List<String> steps = database.read(connection -> Sql.query(connection, row -> row.getString(4),
                    "EXPLAIN QUERY PLAN SELECT version, created_at, size FROM backup_versions WHERE account_id = ?"
                            + " ORDER BY version DESC", "a"));
            String plan = String.join(" ", steps);
            assertTrue(plan.contains("COVERING INDEX backup_versions_sizes"), plan);
        }
    }

    @Test
    void postgresqlVersionsWrittenBeforeOrByAPreviousServerGetTheirSizes() throws Exception {
        String url = TestPostgres.get().newDatabase();
        writeVersionsBefore(url, "fob", "classpath:db/postgresql", "5");
        try (Database database = new PostgresDatabase(url, "fob", "")) {
            assertEquals(List.of("1:3", "2:40000"), versions(database));
            // A server of the previous version, during a rolling upgrade, writes a version without its size.
            database.write(connection -> Sql.update(connection, "INSERT INTO backup_versions (account_id, version,"
                    + " body, created_at) VALUES ('a', 3, ?, 30)", (Object) new byte[5]));
            assertEquals(List.of("1:3", "2:40000", "3:5"), versions(database));
            assertEquals(5, new JdbcBackupVersions(database).backupVersions("a").get(0).size());
        }
    }
}
