package fob.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The command line as an operator meets it: run as a real process. */
class MainProcessTest {
    private static Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the process ended");
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes()));
    }

    private record Result(int exit, String output) {
    }

    @Test
    void helpPrintsTheOptionsAndExitsCleanly() throws Exception {
        Result result = run("--help");
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("FOB_BACKUP_MAX_BYTES"), result.output());
    }

    @Test
    void aBadFlagExitsWithCode2AndSaysWhy() throws Exception {
        Result result = run("--port=http");
        assertEquals(2, result.exit(), result.output());
        assertTrue(result.output().startsWith("fob: --port must be a whole number, not 'http'"), result.output());
        assertTrue(result.output().contains("--help"), result.output());
        assertEquals(2, run("--bogus").exit());
    }
}
