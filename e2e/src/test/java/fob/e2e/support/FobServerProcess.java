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
}
