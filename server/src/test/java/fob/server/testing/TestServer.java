package fob.server.testing;

import fob.server.Config;
import fob.server.FobServer;
import fob.server.StorageLimit;
import fob.server.store.jdbc.Stores;
import fob.server.web.Assets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** A Fob server in this JVM on a free port, on SQLite or PostgreSQL, with a clock the test can move. */
public final class TestServer implements AutoCloseable {
    /** Which database a test runs on. */
    public enum Database { SQLITE, POSTGRESQL }

    private final AtomicLong clock;
    private final FobServer server;
    private final Path dataDir;
    private final String dbUrl;

    private TestServer(AtomicLong clock, FobServer server, Path dataDir, String dbUrl) {
        this.clock = clock;
        this.server = server;
        this.dataDir = dataDir;
        this.dbUrl = dbUrl;
    }

    public static TestServer start(Database database, String... flags) throws Exception {
        return start(database, StorageLimit.Defaults.REAL, flags);
    }

    /**
     * With the figures the storage default is computed from given by the test (a disk of its own, PostgreSQL's
     * fixed figure), so that a small server's default is reached in a few writes.
     */
    public static TestServer start(Database database, StorageLimit.Defaults storage, String... flags)
            throws Exception {
        Path dataDir = Files.createTempDirectory("fob-server-test");
        List<String> args = new ArrayList<>(List.of("--port=0", "--data-dir=" + dataDir));
        if (database == Database.POSTGRESQL) {
            args.add("--db-url=" + TestPostgres.get().newDatabase());
            args.add("--db-user=fob");
        }
        args.addAll(List.of(flags));
        Config config = Config.parse(args.toArray(new String[0]), Map.of());
        AtomicLong clock = new AtomicLong(System.currentTimeMillis());
        FobServer server = new FobServer(config, Stores.open(config.dbUrl, config.dbUser, config.dbPassword),
                Assets.load(), clock::get, storage).start();
        return new TestServer(clock, server, dataDir, config.dbUrl);
    }

    /** A server on an existing database (another server's, say), given by its JDBC URL. */
    public static TestServer startOn(String dbUrl, String... flags) throws Exception {
        return startOn(dbUrl, StorageLimit.Defaults.REAL, flags);
    }

    public static TestServer startOn(String dbUrl, StorageLimit.Defaults storage, String... flags) throws Exception {
        List<String> args = new ArrayList<>(List.of("--db-url=" + dbUrl));
        if (dbUrl.startsWith("jdbc:postgresql:")) {
            args.add("--db-user=fob");
        }
        args.addAll(List.of(flags));
        return start(Database.SQLITE, storage, args.toArray(new String[0]));
    }

    /** Runs {@code hook} while each live-sync stream opens: its session checked, the stream not yet registered. */
    public void onStreamOpening(Runnable hook) {
        server.onStreamOpening(hook);
    }

    /** Runs the janitor now rather than at its next turn. */
    public void runLiveSyncChecks() {
        server.runLiveSyncChecks();
    }

    public void runJanitor() {
        server.runJanitor();
    }

    /** Moves the server's clock forward, as time passing would. */
    public void advance(Duration duration) {
        clock.addAndGet(duration.toMillis());
    }

    public String url() {
        return "http://localhost:" + server.port();
    }

    public String origin() {
        return server.origin();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The server's database, as its JDBC URL. */
    public String dbUrl() {
        return dbUrl;
    }

    /** A connection of the test's own to the server's database, to look at what it keeps. */
    public Connection database() throws SQLException {
        return dbUrl.startsWith("jdbc:postgresql:") ? DriverManager.getConnection(dbUrl, "fob", "")
                : DriverManager.getConnection(dbUrl);
    }

    public ApiClient client() {
        return new ApiClient(url());
    }

    @Override
    public void close() {
        server.close();
    }
}
