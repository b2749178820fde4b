package fob.server.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.server.Main;
import fob.server.testing.ApiClient;
import fob.server.testing.Envelopes;
import fob.server.testing.EventStream;
import fob.server.testing.SoftwareAuthenticator;
import fob.server.testing.TestPostgres;
import fob.server.web.Json;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two Fob server processes on two ports, sharing one PostgreSQL, behave as one: a ceremony begun on one
 * finishes on the other, a session made on one works on the other, and their backup writes are one history.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleOutTest {
    private final List<Process> processes = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();
    private String nodeA;
    private String nodeB;
    private String origin;

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private String startNode(int port, String dbUrl) throws Exception {
        Path log = Files.createTempFile("fob-node", ".log");
        logs.add(log);
        Process process = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--port=" + port,
                "--origin=" + origin, "--db-url=" + dbUrl, "--db-user=fob", "--rate-limit=0",
                "--accounts-per-hour=0", "--signups-per-hour=0",
                "--data-dir=" + Files.createTempDirectory("fob-node"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(process);
        return "http://localhost:" + port;
    }

    private static void awaitHealthy(String node, Path log) throws Exception {
        ApiClient client = new ApiClient(node);
        for (int i = 0; i < 300; i++) {
            try {
                if (client.get("/healthz").status() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // Still starting.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("node " + node + " did not start:\n" + Files.readString(log));
    }

    @BeforeAll
    void startTwoNodes() throws Exception {
        String dbUrl = TestPostgres.get().newDatabase();
        int portA = freePort();
        int portB = freePort();
        origin = "http://localhost:" + portA;
        // Both start at once: Flyway's lock makes one migrate while the other waits.
        nodeA = startNode(portA, dbUrl);
        nodeB = startNode(portB, dbUrl);
        awaitHealthy(nodeA, logs.get(0));
        awaitHealthy(nodeB, logs.get(1));
    }

    @AfterAll
    void stopNodes() throws Exception {
        for (Process process : processes) {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
        for (Path log : logs) {
            Files.deleteIfExists(log);
        }
    }

    /** The session cookie a response set, to carry to the other node by hand as a load balancer would. */
    private static String cookie(ApiClient.Response response) {
        String header = response.header("Set-Cookie");
        return header.substring(0, header.indexOf(';'));
    }

    @Test
    void ceremoniesSessionsAndBackupsSpanBothNodes() throws Exception {
        ApiClient a = new ApiClient(nodeA, false);
        ApiClient b = new ApiClient(nodeB, false);
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(origin);

        ApiClient.Response creation = a.post("/api/register/options", Json.object().put("name", "Ann"));
        String ceremony = cookie(creation);
        ApiClient.Response created = b.send("POST", "/api/register/verify",
                authenticator.create(creation.json()).toString().getBytes(), "Cookie", ceremony);
        assertEquals(201, created.status(), created.text());
        String session = cookie(created);
        assertTrue(a.get("/api/session", "Cookie", session).signedIn(), "B's session works on A");

        ObjectNode request = b.send("POST", "/api/signin/options", "{}".getBytes(), "Cookie", ceremony).json();
        ApiClient.Response signedIn = a.send("POST", "/api/signin/verify", authenticator.get(request).toString()
                .getBytes(), "Cookie", session + "; " + ceremony);
        assertEquals(200, signedIn.status(), signedIn.text());
        String session2 = cookie(signedIn);

        byte[] first = Envelopes.ofSize(4000);
        ApiClient.Response written = a.put("/api/backup", first, "If-None-Match", "*", "Cookie", session2);
        assertEquals(201, written.status(), written.text());
        ApiClient.Response readOnB = b.get("/api/backup", "Cookie", session2);
        assertArrayEquals(first, readOnB.body());
        assertEquals(written.header("ETag"), readOnB.header("ETag"));

        // Concurrent writers, half on each node, all replacing the same version: exactly one wins.
        String etag = written.header("ETag");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> writers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ApiClient node = i % 2 == 0 ? a : b;
                writers.add(() -> node.put("/api/backup", Envelopes.ofSize(3000), "If-Match", etag, "Cookie", session2)
                        .status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(writers)) {
                statuses.add(status.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(7, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
        assertEquals(a.get("/api/backup", "Cookie", session2).header("ETag"),
                b.get("/api/backup", "Cookie", session2).header("ETag"));

        assertEquals(204, b.send("POST", "/api/signout", "{}".getBytes(), "Cookie", session2).status());
        assertFalse(a.get("/api/session", "Cookie", session2).signedIn(), "signed out everywhere");
        assertFalse(a.get("/api/session", "Cookie", session).signedIn(), "signing in again ended the first session");
    }

    @Test
    void aChangeWrittenOnOneNodeReachesAStreamOnTheOtherWithinTwoSeconds() throws Exception {
        ApiClient a = new ApiClient(nodeA, false);
        ApiClient b = new ApiClient(nodeB, false);
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(origin);
        ApiClient.Response creation = a.post("/api/register/options", Json.object().put("name", "Bea"));
        ApiClient.Response created = a.send("POST", "/api/register/verify",
                authenticator.create(creation.json()).toString().getBytes(), "Cookie", cookie(creation));
        assertEquals(201, created.status(), created.text());
        String session = cookie(created);
        try (EventStream stream = b.events("/api/events", "Cookie", session)) {
            assertEquals("ready", stream.next(Duration.ofSeconds(5)).name());
            for (int i = 1; i <= 5; i++) {
                long sent = System.nanoTime();
                ApiClient.Response written = i == 1
                        ? a.put("/api/backup", Envelopes.ofSize(2000), "If-None-Match", "*", "Cookie", session)
                        : a.put("/api/backup", Envelopes.ofSize(2000), "If-Match", "\"" + (i - 1) + "\"", "Cookie",
                                session);
                assertEquals(i == 1 ? 201 : 200, written.status(), written.text());
                EventStream.Event event = stream.next("backup", Duration.ofSeconds(2));
                assertEquals("{\"version\":" + i + "}", event.data());
                assertTrue(event.receivedNanos() - sent < Duration.ofSeconds(2).toNanos());
            }
            assertEquals(204, a.send("POST", "/api/signout", "{}".getBytes(), "Cookie", session).status());
            assertTrue(stream.endsWithin(Duration.ofSeconds(5)), "signing out on A ends the stream on B");
        }
    }
}
