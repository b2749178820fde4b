package fob.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.server.live.LiveSync;
import fob.server.testing.Accounts;
import fob.server.testing.ApiClient;
import fob.server.testing.EventStream;
import fob.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bounds on live-sync streams (per account, per client address, per server), counted so that opens at the
 * same moment cannot pass them together, and a stream whose session ends while it opens.
 */
class LiveSyncLimitsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Opens a stream; an open one (200 and "ready") is added to {@code open}, a refusal counted by its code. */
    private static void open(ApiClient client, List<EventStream> open, Map<String, Integer> refusals)
            throws Exception {
        EventStream stream = client.events("/api/events");
        if (stream.status() == 200) {
            assertEquals("ready", stream.next(WAIT).name());
            synchronized (open) {
                open.add(stream);
            }
            return;
        }
        String code = stream.status() + " " + stream.error();
        if (stream.status() == 429 || stream.status() == 503) {
            assertNotNull(stream.header("Retry-After"), code);
        }
        stream.close();
        refusals.merge(code, 1, Integer::sum);
    }

    /** {@code perClient} opens from each client, all at once from as many threads. */
    private static Map<String, Integer> race(List<ApiClient> clients, int perClient, List<EventStream> open)
            throws Exception {
        Map<String, Integer> refusals = new ConcurrentHashMap<>();
        int total = clients.size() * perClient;
        ExecutorService threads = Executors.newFixedThreadPool(total);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (ApiClient client : clients) {
                for (int i = 0; i < perClient; i++) {
                    done.add(threads.submit(() -> {
                        go.await();
                        open(client, open, refusals);
                        return null;
                    }));
                }
            }
            go.countDown();
            for (Future<?> each : done) {
                each.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        return new TreeMap<>(refusals);
    }

    private static List<ApiClient> accounts(TestServer server, int how) throws Exception {
        List<ApiClient> clients = new ArrayList<>();
        for (int i = 0; i < how; i++) {
            clients.add(Accounts.create(server, "Person " + i).client());
        }
        return clients;
    }

    /** Until a stream opens again (a closed stream is noticed at the next write, which the checks make). */
    private static EventStream awaitOpen(TestServer server, ApiClient client) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            server.runLiveSyncChecks();
            EventStream stream = client.events("/api/events");
            if (stream.status() == 200) {
                assertEquals("ready", stream.next(WAIT).name());
                return stream;
            }
            stream.close();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no stream opened again: " + stream.status());
            }
            Thread.onSpinWait();
        }
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void fortyStreamsFromOneAddressOpenExactlyThePerAddressCap(TestServer.Database database) throws Exception {
        try (TestServer server = TestServer.start(database, "--max-streams-per-address=32")) {
            List<ApiClient> clients = accounts(server, 4);
            List<EventStream> open = new ArrayList<>();
            Map<String, Integer> refusals = new ConcurrentHashMap<>();
            try {
                for (int i = 0; i < 40; i++) {
                    open(clients.get(i % 4), open, refusals);
                }
                assertEquals(32, open.size(), "four accounts of ten streams each, all from 127.0.0.1");
                assertEquals(Map.of("429 too_many_streams_here", 8), refusals);

                open.remove(0).close();
                open.add(awaitOpen(server, clients.get(0)));
                assertEquals(32, open.size(), "a closed stream gives its place back");
            } finally {
                open.forEach(EventStream::close);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void opensRacingTheCapsNeverPassThem(TestServer.Database database) throws Exception {
        try (TestServer server = TestServer.start(database, "--max-streams-per-address=20")) {
            List<EventStream> open = new ArrayList<>();
            try {
                Map<String, Integer> refusals = race(accounts(server, 4), 10, open);
                assertEquals(20, open.size(), "the per-address cap, with 40 opens at once: " + refusals);
                assertEquals(Map.of("429 too_many_streams_here", 20), refusals);
            } finally {
                open.forEach(EventStream::close);
            }
        }
        try (TestServer server = TestServer.start(database, "--max-streams=12")) {
            List<EventStream> open = new ArrayList<>();
            try {
                Map<String, Integer> refusals = race(accounts(server, 4), 10, open);
                assertEquals(12, open.size(), "the server's cap, with 40 opens at once: " + refusals);
                assertEquals(Map.of("503 server_busy", 28), refusals);
            } finally {
                open.forEach(EventStream::close);
            }
        }
        try (TestServer server = TestServer.start(database)) {
            List<EventStream> open = new ArrayList<>();
            try {
                Map<String, Integer> refusals = race(accounts(server, 1), 40, open);
                assertEquals(LiveSync.MAX_STREAMS_PER_ACCOUNT, open.size(), "the account's cap, with 40 opens at"
                        + " once: " + refusals);
                assertEquals(Map.of("429 too_many_streams", 40 - LiveSync.MAX_STREAMS_PER_ACCOUNT), refusals);
            } finally {
                open.forEach(EventStream::close);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void aStreamWhoseSessionEndsWhileItOpensIsClosed(TestServer.Database database) throws Exception {
        try (TestServer server = TestServer.start(database)) {
            Accounts.Signed ann = Accounts.create(server, "Ann");
            AtomicBoolean once = new AtomicBoolean();
            server.onStreamOpening(() -> {
                if (once.compareAndSet(false, true)) {
                    try {
                        assertEquals(204, ann.client().post("/api/signout", "{}").status());
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }
            });
            try (EventStream stream = ann.client().events("/api/events")) {
                assertEquals(200, stream.status());
                assertTrue(stream.endsWithin(WAIT), "signed out while the stream opened: the stream ends");
            }

            Accounts.Signed bob = Accounts.create(server, "Bob");
            ApiClient phone = server.client();
            assertEquals(200, Accounts.signIn(phone, bob.authenticator()).status());
            AtomicBoolean twice = new AtomicBoolean();
            server.onStreamOpening(() -> {
                if (twice.compareAndSet(false, true)) {
                    try {
                        assertEquals(200, bob.client().send("DELETE", "/api/sessions", null).status(),
                                "\"Sign out everywhere else\" on the laptop");
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }
            });
            try (EventStream stream = phone.events("/api/events")) {
                assertEquals(200, stream.status());
                assertTrue(stream.endsWithin(WAIT), "the phone's stream, opening as the laptop ended its session,"
                        + " ends");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void signingOutWhileAStreamOpensEndsIt(TestServer.Database database) throws Exception {
        try (TestServer server = TestServer.start(database, "--rate-limit=0")) {
            Accounts.Signed ann = Accounts.create(server, "Ann");
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 10; round++) {
                    ApiClient device = server.client();
                    assertEquals(200, Accounts.signIn(device, ann.authenticator()).status());
                    CountDownLatch go = new CountDownLatch(1);
                    Future<EventStream> opening = threads.submit(() -> {
                        go.await();
                        return device.events("/api/events");
                    });
                    Future<Integer> signingOut = threads.submit(() -> {
                        go.await();
                        return device.post("/api/signout", "{}").status();
                    });
                    go.countDown();
                    assertEquals(204, signingOut.get(30, TimeUnit.SECONDS));
                    try (EventStream stream = opening.get(30, TimeUnit.SECONDS)) {
                        if (stream.status() == 200) {
                            assertTrue(stream.endsWithin(WAIT), "round " + round + ": the stream outlived the"
                                    + " sign-out");
                        } else {
                            assertEquals(401, stream.status(), "round " + round + ": signed out first");
                        }
                    }
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }
}
