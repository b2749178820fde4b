package fob.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fob.server.testing.Accounts;
import fob.server.testing.ApiClient;
import fob.server.testing.Envelopes;
import fob.server.testing.EventStream;
import fob.server.testing.ServerProcess;
import fob.server.testing.SoftwareAuthenticator;
import fob.server.testing.TestPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Live sync on the real server jar (issue 14). Latency: two servers on one PostgreSQL, 50 recovery accounts
 * each with a page (an event stream) on both, so 100 connected pages; every account's backup is written
 * through server A, 4 times, and the time from sending the write to its event on server B's stream is taken
 * (p50, p99), beside the anchor of the write's own answer. Memory: one server, 1,000 open streams, its
 * resident memory beside the same server with none. Part of bench/run; it asserts only that every event came.
 */
class LiveSyncMeasurement {
    private static final int ACCOUNTS = 50;
    private static final int ROUNDS = 4;
    private static final int STREAMS = Integer.getInteger("fob.bench.streams", 1000);

    private record Page(ApiClient onA, ApiClient onB, String cookie) {
    }

    private static String cookie(ApiClient.Response response) {
        String header = response.header("Set-Cookie");
        return header.substring(0, header.indexOf(';'));
    }

    private static double percentile(List<Double> values, double p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    @Test
    void latencyAcrossTwoServersWithAHundredPages() throws Exception {
        String database = TestPostgres.get().newDatabase();
        // Every page connects from this machine: no per-address cap on streams.
        String[] flags = {"--db-url=" + database, "--db-user=fob", "--rate-limit=0", "--accounts-per-hour=0",
            "--signups-per-hour=0", "--max-streams-per-address=1000000"};
        try (ServerProcess a = ServerProcess.start(flags); ServerProcess b = ServerProcess.start(flags)) {
            List<Page> pages = new ArrayList<>();
            List<EventStream> onB = new ArrayList<>();
            List<EventStream> all = new ArrayList<>();
            try {
                for (int i = 0; i < ACCOUNTS; i++) {
                    ApiClient client = new ApiClient(a.url());
                    ApiClient.Response created = Accounts.register(client, new SoftwareAuthenticator(a.url()),
                            "Reader " + i);
                    assertEquals(201, created.status(), created.text());
                    Page page = new Page(client, new ApiClient(b.url(), false), cookie(created));
                    pages.add(page);
                    EventStream streamB = page.onB().events("/api/events", "Cookie", page.cookie());
                    EventStream streamA = client.events("/api/events");
                    assertEquals("ready", streamB.next(Duration.ofSeconds(10)).name());
                    assertEquals("ready", streamA.next(Duration.ofSeconds(10)).name());
                    onB.add(streamB);
                    all.add(streamB);
                    all.add(streamA);
                }
                List<Double> latencies = new ArrayList<>();
                List<Double> writes = new ArrayList<>();
                String[] etags = new String[ACCOUNTS];
                for (int round = 0; round < ROUNDS; round++) {
                    for (int i = 0; i < ACCOUNTS; i++) {
                        byte[] body = Envelopes.ofSize(4000);
                        long sent = System.nanoTime();
                        ApiClient.Response written = etags[i] == null
                                ? pages.get(i).onA().put("/api/backup", body, "If-None-Match", "*")
                                : pages.get(i).onA().put("/api/backup", body, "If-Match", etags[i]);
                        long answered = System.nanoTime();
                        etags[i] = written.header("ETag");
                        EventStream.Event event = onB.get(i).next("backup", Duration.ofSeconds(10));
                        latencies.add((event.receivedNanos() - sent) / 1e6);
                        writes.add((answered - sent) / 1e6);
                    }
                }
                double p50 = percentile(latencies, 0.5);
                double p99 = percentile(latencies, 0.99);
                double writeP50 = percentile(writes, 0.5);
                System.out.printf("Live sync, 2 servers on PostgreSQL, %d pages: write on A to event on B p50 %.1f ms,"
                        + " p99 %.1f ms (%d changes); the write's own answer p50 %.1f ms%n", all.size(), p50, p99,
                        latencies.size(), writeP50);
                Bench.report("live_sync.p50", p50, "ms", writeP50, "a write through server A to its event on"
                        + " server B's stream, 2 servers on PostgreSQL, " + all.size() + " pages connected; anchor:"
                        + " the write's own answer");
                Bench.report("live_sync.p99", p99, "ms", percentile(writes, 0.99), "as above, 99th percentile;"
                        + " anchor: the write's p99");
            } finally {
                all.forEach(EventStream::close);
            }
        }
    }

    @Test
    void memoryWithAThousandOpenStreams() throws Exception {
        try (ServerProcess server = ServerProcess.start(List.of("-Xmx256m"), "--rate-limit=0",
                "--accounts-per-hour=0", "--signups-per-hour=0", "--max-streams-per-address=1000000")) {
            List<ApiClient> clients = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                ApiClient client = new ApiClient(server.url());
                assertEquals(201, Accounts.register(client, new SoftwareAuthenticator(server.url()), "Holder " + i)
                        .status());
                clients.add(client);
            }
            // Warm: the server has answered a stream and a write before the baseline.
            try (EventStream warm = clients.get(0).events("/api/events")) {
                warm.next("ready", Duration.ofSeconds(10));
            }
            long before = server.residentKiB();
            long heapBefore = server.heapUsedAfterGcKiB();
            List<EventStream> streams = new ArrayList<>();
            try {
                for (int i = 0; i < STREAMS; i++) {
                    EventStream stream = clients.get(i % clients.size()).events("/api/events");
                    stream.next("ready", Duration.ofSeconds(10));
                    streams.add(stream);
                }
                // Every stream still hears: one write per account, one event on each of its streams.
                for (ApiClient client : clients) {
                    assertEquals(201, client.put("/api/backup", Envelopes.ofSize(1000), "If-None-Match", "*")
                            .status());
                }
                for (EventStream stream : streams) {
                    stream.next("backup", Duration.ofSeconds(10));
                }
                long after = server.residentKiB();
                long heapAfter = server.heapUsedAfterGcKiB();
                System.out.printf("Live sync: %d open streams; the server's resident memory %d KiB (%d KiB with"
                        + " none open), %.1f KiB a stream; live heap after a full GC %d KiB (%d KiB), %.1f KiB a"
                        + " stream%n", STREAMS, after, before, (after - before) / (double) STREAMS, heapAfter,
                        heapBefore, (heapAfter - heapBefore) / (double) STREAMS);
                Bench.report("live_sync.heap_" + STREAMS + "_streams", heapAfter / 1024.0, "MiB", heapBefore / 1024.0,
                        "the server's live heap after a full GC with " + STREAMS + " open event streams; anchor: with"
                        + " none");
                Bench.report("live_sync.rss_" + STREAMS + "_streams", after / 1024.0, "MiB", before / 1024.0,
                        "the server's resident memory with " + STREAMS + " open event streams (-Xmx256m); anchor:"
                        + " the same server with none");
            } finally {
                streams.forEach(EventStream::close);
            }
        }
    }
}
