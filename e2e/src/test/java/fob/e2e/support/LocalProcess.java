package fob.e2e.support;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A browser's or driver's process, its output in a log file, ended (with its children) on close. */
final class LocalProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private LocalProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static LocalProcess start(List<String> command, Map<String, String> environment) throws IOException {
        Path log = Files.createTempFile("fob-" + Path.of(command.get(0)).getFileName(), ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new LocalProcess(builder.start(), log);
    }

    /** Waits until something listens on the port, failing with the process's own output if it ended. */
    void awaitListening(int port, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException((process.isAlive() ? "nothing listens on " + port + " after " + limit
                            : "the process ended") + "; its output:\n" + output(), notYet);
                }
                Thread.sleep(50); // polling a port: there is no event to wait on
            }
        }
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    /** Waits, up to the limit, for the process to end by itself (Firefox, once told to quit). */
    void awaitExit(Duration limit) throws InterruptedException {
        process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /**
     * Ends the process, asked first, then its whole family as it was before, forcibly: children that outlive their
     * parent are no longer its descendants.
     */
    @Override
    public void close() throws Exception {
        List<ProcessHandle> family = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        process.destroy();
        process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        family.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        Files.deleteIfExists(log);
    }

    /** Deletes a temporary profile directory and all it holds. */
    static void deleteTree(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
