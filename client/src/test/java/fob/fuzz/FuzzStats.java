package fob.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Counts a fuzz target's executions and the distinct inputs it was given, and appends them to
 * target/fuzz-stats.txt after the target's class (each target runs in a JVM of its own). A JUnit extension:
 * {@code @ExtendWith(FuzzStats.class)} on the target.
 */
public final class FuzzStats implements AfterAllCallback {
    private static long executions;
    private static final Set<String> DISTINCT = new HashSet<>();
    private static final java.util.Map<String, Long> OUTCOMES = new java.util.TreeMap<>();
    private static String target;
    private static long started;

    @Override
    public void afterAll(ExtensionContext context) {
        if (target != null) {
            write();
        }
    }

    public static synchronized void record(String name, byte[] input) {
        if (target == null) {
            target = name;
            started = System.nanoTime();
        }
        executions++;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(input);
            DISTINCT.add(new String(digest, 0, 12, StandardCharsets.ISO_8859_1));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts an input's outcome (for a server target: the path and the answer's status or error code). */
    public static synchronized void outcome(String outcome) {
        OUTCOMES.merge(outcome, 1L, Long::sum);
    }

    public static void record(String name, String input) {
        record(name, input == null ? new byte[0] : input.getBytes(StandardCharsets.UTF_8));
    }

    private static synchronized void write() {
        String line = String.format(java.util.Locale.ROOT, "%s executions=%d distinct=%d seconds=%.1f%s%n", target,
                executions, DISTINCT.size(), (System.nanoTime() - started) / 1e9,
                OUTCOMES.isEmpty() ? "" : " outcomes=" + OUTCOMES);
        try {
            Files.writeString(Path.of("target", "fuzz-stats.txt"), line, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
