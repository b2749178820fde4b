package fob.e2e.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The real server jar, started as its own process, as a user would run it. */
public final class FobServerProcess implements AutoCloseable {
    private final Path jar;
    private final Path dataDir;
    private final int port;
    private final Path log;
    private final List<String> options;
    private Process process;

    private FobServerProcess(Path jar, Path dataDir, int port, List<String> options) throws IOException {
        this.jar = jar;
        this.dataDir = dataDir;
        this.port = port;
        this.options = options;
        this.log = Files.createTempFile("fob-server", ".log");
    }

    public static Path defaultJar() {
        Path jar = Paths.get(System.getProperty("fob.server.jar", "../server/target/fob-server.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("No server jar at " + jar + ": run 'mvn verify' from the repository root");
        }
        return jar;
    }

    /** Starts the default jar on a free port with a new, empty data directory, and any further flags. */
    public static FobServerProcess start(String... options) throws Exception {
        return new FobServerProcess(defaultJar(), Files.createTempDirectory("fob-data"), freePort(),
                List.of(options)).launched();
    }

    public static FobServerProcess start(Path jar, Path dataDir, int port) throws Exception {
        return new FobServerProcess(jar, dataDir, port, List.of()).launched();
    }

    private FobServerProcess launched() throws Exception {
        launch();
        return this;
    }

    /** Another server (say, a new version's jar) on this one's port and data, as a redeployment would be. */
    public FobServerProcess replaceWith(Path newJar) throws Exception {
        stop();
        return new FobServerProcess(newJar, dataDir, port, options).launched();
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void launch() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toString());
        command.add("--port=" + port);
        command.add("--data-dir=" + dataDir);
        command.addAll(options);
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited at start-up:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url() + "healthz"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The server did not start within 30 s:\n" + Files.readString(log));
    }

    public String url() {
        return "http://localhost:" + port + "/";
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The server's SQLite database, opened as its operator would, beside the running server. */
    private java.sql.Connection database() throws java.sql.SQLException {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setBusyTimeout(10_000);
        org.sqlite.SQLiteDataSource database = new org.sqlite.SQLiteDataSource(config);
        database.setUrl("jdbc:sqlite:" + dataDir.resolve("fob.db"));
        return database.getConnection();
    }

    /**
     * What whoever runs the server can do with no session at all: writes {@code body} into the SQLite database as the
     * newest version of the backup of the recovery account named {@code accountName} (which must be the only one of
     * that name), as the server itself would store it. Returns the version written.
     */
    public long operatorWritesBackup(String accountName, String body) throws java.sql.SQLException {
        try (java.sql.Connection connection = database()) {
            connection.setAutoCommit(false);
            String accountId;
            long version;
            try (java.sql.PreparedStatement select = connection.prepareStatement(
                    "SELECT id, backup_seq FROM accounts WHERE name = ?")) {
                select.setString(1, accountName);
                try (java.sql.ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        throw new IllegalStateException("no recovery account named " + accountName);
                    }
                    accountId = rows.getString(1);
                    version = rows.getLong(2) + 1;
                    if (rows.next()) {
                        throw new IllegalStateException("more than one recovery account named " + accountName);
                    }
                }
            }
            try (java.sql.PreparedStatement update = connection.prepareStatement(
                    "UPDATE accounts SET backup_seq = ?, current_version = ? WHERE id = ?")) {
                update.setLong(1, version);
                update.setLong(2, version);
                update.setString(3, accountId);
                update.executeUpdate();
            }
            try (java.sql.PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO backup_versions (account_id, version, body, created_at, size)"
                            + " VALUES (?, ?, ?, ?, ?)")) {
                byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                insert.setString(1, accountId);
                insert.setLong(2, version);
                insert.setBytes(3, bytes);
                insert.setLong(4, System.currentTimeMillis());
                insert.setInt(5, bytes.length);
                insert.executeUpdate();
            }
            connection.commit();
            return version;
        }
    }

    /**
     * What the passage of time does to a session, written as the operator could: every session of the recovery account
     * named {@code accountName} had its last passkey sign-in {@code ago} earlier than the database says. The server
     * reads sessions from the database on each request, so the next one sees the older sign-in. Returns how many
     * sessions were changed.
     */
    public int operatorAgesSignIns(String accountName, Duration ago) throws java.sql.SQLException {
        try (java.sql.Connection connection = database();
                java.sql.PreparedStatement update = connection.prepareStatement("UPDATE sessions SET authenticated_at"
                        + " = authenticated_at - ? WHERE account_id = (SELECT id FROM accounts WHERE name = ?)")) {
            update.setLong(1, ago.toMillis());
            update.setString(2, accountName);
            return update.executeUpdate();
        }
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** Stops the server as an operator would (SIGTERM) and waits for it to exit. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws Exception {
        stop();
        File[] files = dataDir.toFile().listFiles();
        if (files != null) {
            for (File file : files) {
                file.delete();
            }
        }
        dataDir.toFile().delete();
        Files.deleteIfExists(log);
    }

    /** The start_url of the manifest the page links, as an installed app opens it (resolved like a browser does). */
    public URI manifestStartUrl() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        String html = http.send(java.net.http.HttpRequest.newBuilder(URI.create(url())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        URI manifestUrl = URI.create(url()).resolve(PageHead.of(html).one("link", "rel", "manifest").get("href"));
        String manifest = http.send(java.net.http.HttpRequest.newBuilder(manifestUrl).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        return manifestUrl.resolve(com.grack.nanojson.JsonParser.object().from(manifest).getString("start_url"));
    }
}
