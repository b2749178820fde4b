package fob.server.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real server jar (target/fob-server.jar) in a process of its own, as it runs in production: for the
 * measurements, and for the tests that kill it. It keeps its port and data directory across restarts.
 */
public final class ServerProcess implements AutoCloseable {
    private final List<String> flags;
    private final Path dataDir;
    private final int port;
    private final List<String> jvmOptions;
    private Process process;

    private ServerProcess(List<String> jvmOptions, List<String> flags, Path dataDir, int port) {
        this.jvmOptions = jvmOptions;
        this.flags = flags;
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Starts the jar on a free port with a new data directory; {@code flags} are its command-line flags. */
    public static ServerProcess start(List<String> jvmOptions, String... flags) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ServerProcess server = new ServerProcess(jvmOptions, List.of(flags), Files.createTempDirectory("fob-jar"),
                port);
        server.launch();
        return server;
    }

    public static ServerProcess start(String... flags) throws Exception {
        return start(List.of(), flags);
    }

    private void launch() throws Exception {
        Path jar = Paths.get("target", "fob-server.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("No " + jar.toAbsolutePath() + ": package the server first");
        }
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--port=" + port, "--data-dir=" + dataDir));
        command.addAll(flags);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("server.log").toFile())).start();
        ApiClient probe = new ApiClient(url(), false);
        for (int i = 0; i < 300; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited:\n" + Files.readString(dataDir.resolve("server.log")));
            }
            try {
                if (probe.get("/healthz").status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Starting.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the server did not start in 30 s");
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public Process process() {
        return process;
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * SIGTERM, as an operator or a service manager stops it: returns the exit code, after checking that it
     * exited by itself within 30 s.
     */
    public int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server did not stop within 30 s of SIGTERM");
        }
        return process.exitValue();
    }

    /** Starts the jar again on the same port and data. */
    public void restart() throws Exception {
        launch();
    }

    /** The process's resident memory, from /proc, in KiB. */
    public long residentKiB() throws IOException {
        for (String line : Files.readAllLines(Paths.get("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + process.pid());
    }

    /** The heap the process uses after a full collection (jcmd GC.run, then GC.heap_info), in KiB. */
    public long heapUsedAfterGcKiB() throws Exception {
        String jcmd = Paths.get(System.getProperty("java.home"), "bin", "jcmd").toString();
        String pid = Long.toString(process.pid());
        new ProcessBuilder(jcmd, pid, "GC.run").redirectErrorStream(true).start().waitFor(60, TimeUnit.SECONDS);
        Process info = new ProcessBuilder(jcmd, pid, "GC.heap_info").redirectErrorStream(true).start();
        String text = new String(info.getInputStream().readAllBytes());
        info.waitFor(60, TimeUnit.SECONDS);
        java.util.regex.Matcher used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(text);
        if (!used.find()) {
            throw new IllegalStateException("no heap figure in jcmd's answer: " + text);
        }
        return Long.parseLong(used.group(1));
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
