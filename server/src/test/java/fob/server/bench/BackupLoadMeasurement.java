package fob.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fob.server.testing.ApiClient;
import fob.server.testing.Envelopes;
import fob.server.testing.SoftwareAuthenticator;
import fob.server.testing.TestPostgres;
import fob.server.web.Json;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Authenticated GET and PUT /api/backup with 32 KiB bodies, at 1, 8, 32 and 64 concurrent clients, against
 * the real server jar in its own process, on SQLite and on PostgreSQL: requests per second, p50, p99 and the
 * server's resident memory. Each client has an account of its own, so PUTs replace their own versions and
 * never meet a 412. Anchors: GET against {@code /healthz} (the server's floor: routing and one query), and
 * PUT against the disk's rate of 32 KiB appends each made durable with fdatasync, the bound on durable writes
 * that do not share a sync. Part of bench/run; it asserts only that every request succeeded.
 */
class BackupLoadMeasurement {
    private static final int BODY = 32 * 1024;
    private static final long SECONDS = Long.getLong("fob.bench.seconds", 10);
    private static final int[] CLIENTS = parseClients(System.getProperty("fob.bench.clients", "1,8,32,64"));
    private static final List<String> DATABASES = List.of(System.getProperty("fob.bench.databases",
            "sqlite,postgresql").split(","));

    private static int[] parseClients(String list) {
        return java.util.Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private record Client(String cookie, String[] etag) {
    }

    /** With the CPU time the server and this load generator spent per request, in ms. */
    private record Result(double perSecond, double p50, double p99, long count, double serverCpu, double clientCpu) {
        String cpu() {
            return String.format(java.util.Locale.ROOT, "CPU per request: server %.3f ms, load generator %.3f ms",
                    serverCpu, clientCpu);
        }
    }

    private enum Kind { GET, PUT, HEALTH }

    @Test
    void backupReadsAndWrites() throws Exception {
        for (String database : DATABASES) {
            Process server = null;
            Path dataDir = Files.createTempDirectory("fob-bench");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                    .toString()));
            // For profiling, e.g. -Dfob.bench.serverJvm=-XX:StartFlightRecording=filename=/tmp/fob.jfr
            String serverJvm = System.getProperty("fob.bench.serverJvm", "");
            if (!serverJvm.isBlank()) {
                command.addAll(List.of(serverJvm.trim().split("\\s+")));
            }
            command.addAll(List.of("-jar", Paths.get("target", "fob-server.jar").toString(), "--port=" + port,
                    "--data-dir=" + dataDir, "--rate-limit=0", "--accounts-per-hour=0", "--signups-per-hour=0",
                    "--backup-max-bytes=" + (64 * 1024)));
            if (database.equals("postgresql")) {
                command.add("--db-url=" + TestPostgres.get().newDatabase());
                command.add("--db-user=fob");
            }
            // Both databases keep their files in the temporary directory's file system.
            double syncsPerSecond = FsyncRate.measure(dataDir, BODY);
            Bench.report("disk.fdatasync_32k_per_s." + database, syncsPerSecond, "1/s", null, "32 KiB appends, each"
                    + " made durable with fdatasync, in the data directory's file system, for 3 s, before the "
                    + database + " runs");
            try {
                server = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(dataDir.resolve("server.log").toFile()).start();
                String base = "http://localhost:" + port;
                awaitHealthy(base);
                List<Client> clients = new ArrayList<>();
                for (int i = 0; i < CLIENTS[CLIENTS.length - 1]; i++) {
                    clients.add(newClient(base));
                }
                byte[] body = Envelopes.ofSize(BODY);
                // The server's JIT compiles its hot paths first, so that the first figures are not of a cold JVM.
                for (Kind kind : Kind.values()) {
                    run(server, base, clients.subList(0, 8), body, kind);
                }
                for (int concurrency : CLIENTS) {
                    String prefix = "server." + database + "." + concurrency + "_clients.";
                    Result put = run(server, base, clients.subList(0, concurrency), body, Kind.PUT);
                    long putRss = residentKiB(server);
                    Result get = run(server, base, clients.subList(0, concurrency), body, Kind.GET);
                    Result health = run(server, base, clients.subList(0, concurrency), body, Kind.HEALTH);
                    long rss = Math.max(putRss, residentKiB(server));
                    Bench.report(prefix + "get_rps", get.perSecond(), "1/s", health.perSecond(), "GET /api/backup,"
                            + " 32 KiB, " + concurrency + " clients; anchor: GET /healthz at the same concurrency. "
                            + get.cpu() + "; /healthz " + health.cpu());
                    Bench.report(prefix + "get_p50", get.p50(), "ms", health.p50(), "GET p50; anchor: /healthz p50");
                    Bench.report(prefix + "get_p99", get.p99(), "ms", health.p99(), "GET p99; anchor: /healthz p99");
                    Bench.report(prefix + "put_rps", put.perSecond(), "1/s", syncsPerSecond, "PUT /api/backup,"
                            + " 32 KiB, " + concurrency + " clients; anchor: the fdatasync bound. " + put.cpu());
                    Bench.report(prefix + "put_p50", put.p50(), "ms", null, "PUT p50");
                    Bench.report(prefix + "put_p99", put.p99(), "ms", null, "PUT p99");
                    Bench.report(prefix + "server_rss", rss / 1024.0, "MiB", null, "The server's resident memory"
                            + " after the " + concurrency + "-client runs (the JVM's defaults)");
                }
            } finally {
                if (server != null) {
                    server.destroy();
                    server.waitFor(20, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** VmRSS of the process, from /proc. */
    private static long residentKiB(Process process) throws java.io.IOException {
        for (String line : Files.readAllLines(Paths.get("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + process.pid());
    }

    private static void awaitHealthy(String base) throws Exception {
        ApiClient probe = new ApiClient(base, false);
        for (int i = 0; i < 300; i++) {
            try {
                if (probe.get("/healthz").status() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // Starting.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the server did not start");
    }

    private static Client newClient(String base) throws Exception {
        // With a cookie jar: the passkey ceremony's answer must come back with the cookie its options set.
        ApiClient api = new ApiClient(base);
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(base);
        ObjectNode options = api.post("/api/register/options", Json.object().put("name", "bench")).json();
        ApiClient.Response created = api.post("/api/register/verify", authenticator.create(options));
        assertEquals(201, created.status(), created.text());
        String cookie = api.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("fob_session")).findFirst().orElseThrow().toString();
        ApiClient.Response first = api.send("PUT", "/api/backup", Envelopes.ofSize(BODY), "If-None-Match", "*",
                "Cookie", cookie);
        assertEquals(201, first.status(), first.text());
        return new Client(cookie, new String[] {first.header("ETag")});
    }

    private static Result run(Process server, String base, List<Client> clients, byte[] body, Kind kind)
            throws Exception {
        boolean put = kind == Kind.PUT;
        HttpClient http = HttpClient.newBuilder().executor(java.util.concurrent.Executors.newFixedThreadPool(4))
                .build();
        URI uri = URI.create(base + (kind == Kind.HEALTH ? "/healthz" : "/api/backup"));
        long warmUpEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        long end = warmUpEnd + TimeUnit.SECONDS.toNanos(SECONDS);
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[clients.size()];
        CountDownLatch done = new CountDownLatch(clients.size());
        List<Throwable> failures = new ArrayList<>();
        for (int c = 0; c < clients.size(); c++) {
            Client client = clients.get(c);
            long[] samples = new long[2_000_000];
            latencies.add(samples);
            int index = c;
            new Thread(() -> {
                try {
                    int n = 0;
                    while (true) {
                        long start = System.nanoTime();
                        if (start > end) {
                            break;
                        }
                        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Cookie", client.cookie());
                        if (put) {
                            request.PUT(HttpRequest.BodyPublishers.ofByteArray(body)).header("X-Fob-Request", "1")
                                    .header("If-Match", client.etag()[0]).header("Content-Type", "application/json");
                        }
                        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("status " + response.statusCode());
                        }
                        if (put) {
                            client.etag()[0] = response.headers().firstValue("ETag").orElseThrow();
                        }
                        long finished = System.nanoTime();
                        if (start >= warmUpEnd && n < samples.length) {
                            samples[n++] = finished - start;
                        }
                    }
                    counts[index] = n;
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                } finally {
                    done.countDown();
                }
            }).start();
        }
        Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(warmUpEnd - System.nanoTime())));
        long serverCpuStart = cpuNanos(server);
        long clientCpuStart = OWN_CPU.getProcessCpuTime();
        done.await();
        long serverCpu = cpuNanos(server) - serverCpuStart;
        long clientCpu = OWN_CPU.getProcessCpuTime() - clientCpuStart;
        if (!failures.isEmpty()) {
            throw new AssertionError("requests failed: " + failures.get(0), failures.get(0));
        }
        long total = Arrays.stream(counts).sum();
        long[] all = new long[(int) total];
        int offset = 0;
        for (int c = 0; c < clients.size(); c++) {
            System.arraycopy(latencies.get(c), 0, all, offset, counts[c]);
            offset += counts[c];
        }
        Arrays.sort(all);
        return new Result(total / (double) SECONDS, all[(int) (all.length * 0.50)] / 1e6,
                all[Math.min(all.length - 1, (int) (all.length * 0.99))] / 1e6, total, serverCpu / 1e6 / total,
                clientCpu / 1e6 / total);
    }

    private static final com.sun.management.OperatingSystemMXBean OWN_CPU =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /** The process's user and system CPU time, from /proc (in clock ticks of 10 ms). */
    private static long cpuNanos(Process process) throws java.io.IOException {
        String stat = Files.readString(Paths.get("/proc", Long.toString(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
    }
}
