package fob.server.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests: Debian's binaries (bin/test installs the postgresql package when
 * they are missing), a throwaway cluster in a temporary directory on a free port, started once per test JVM
 * and stopped at its end. PostgreSQL refuses to run as root, so as root it runs as the postgres user.
 */
public final class TestPostgres {
    private static TestPostgres instance;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path binaries;
    private final Path directory;
    private final int port;

    private TestPostgres(Path binaries, Path directory, int port) {
        this.binaries = binaries;
        this.directory = directory;
        this.port = port;
    }

    public static synchronized TestPostgres get() throws Exception {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    private static Path findBinaries() {
        File[] versions = new File("/usr/lib/postgresql").listFiles();
        if (versions != null) {
            Arrays.sort(versions, Comparator.comparing(File::getName).reversed());
            for (File version : versions) {
                if (new File(version, "bin/initdb").canExecute()) {
                    return version.toPath().resolve("bin");
                }
            }
        }
        throw new IllegalStateException("PostgreSQL's server binaries are missing (/usr/lib/postgresql/*/bin/initdb)."
                + " Install Debian's postgresql package, as bin/test does.");
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static TestPostgres start() throws Exception {
        Path binaries = findBinaries();
        Path directory = Files.createTempDirectory("fob-postgres");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        TestPostgres postgres = new TestPostgres(binaries, directory, port);
        if (isRoot()) {
            run(List.of("chown", "postgres:postgres", directory.toString()));
        }
        postgres.asOwner(List.of(binaries.resolve("initdb").toString(), "-D", directory.resolve("data").toString(),
                "-A", "trust", "-U", "fob", "-E", "UTF8", "--no-locale"));
        postgres.asOwner(List.of(binaries.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(),
                "-l", directory.resolve("log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c max_connections=200", "start"));
        return postgres;
    }

    private void asOwner(List<String> command) throws Exception {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("'" + String.join(" ", command) + "' failed:\n" + output);
        }
    }

    /** A new, empty database on this server; its JDBC URL (user "fob", no password). */
    public String newDatabase() throws Exception {
        String name = "fob_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(url("postgres"), "fob", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    private void stop() {
        try {
            asOwner(List.of(binaries.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-m",
                    "immediate", "stop"));
        } catch (Exception e) {
            System.err.println("Could not stop the test PostgreSQL: " + e.getMessage());
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            System.err.println("Could not delete " + directory + ": " + e.getMessage());
        }
    }
}
