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
 * Authenticated GET and PUT /api/backup with 32 KiB bodies, at 1 and 32 concurrent clients, against the real
 * server jar in its own process, on SQLite and on PostgreSQL. Prints requests per second, p50 and p99. Each
 * client has an account of its own, so PUTs replace their own versions and never meet a 412. Not a test (it
 * asserts only that every request succeeded); run it with:
 * {@code mvn -B package -DskipTests && mvn -B -pl server test -Dtest=BackupLoadMeasurement -Dsurefire.failIfNoSpecifiedTests=false}
 */
class BackupLoadMeasurement {
    private static final int BODY = 32 * 1024;
    private static final long SECONDS = Long.getLong("fob.bench.seconds", 10);

    private record Client(String cookie, String[] etag) {
    }

    private record Result(double perSecond, double p50, double p99, long count) {
    }

    @Test
    void backupReadsAndWrites() throws Exception {
        List<String> lines = new ArrayList<>();
        for (String database : new String[] {"sqlite", "postgresql"}) {
            Process server = null;
            Path dataDir = Files.createTempDirectory("fob-bench");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-jar", Paths.get("target", "fob-server.jar").toString(), "--port=" + port,
                    "--data-dir=" + dataDir, "--rate-limit=0", "--backup-max-bytes=" + (64 * 1024)));
            if (database.equals("postgresql")) {
                command.add("--db-url=" + TestPostgres.get().newDatabase());
                command.add("--db-user=fob");
            }
            try {
                server = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(dataDir.resolve("server.log").toFile()).start();
                String base = "http://localhost:" + port;
                awaitHealthy(base);
                List<Client> clients = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    clients.add(newClient(base));
                }
                byte[] body = Envelopes.ofSize(BODY);
                for (int concurrency : new int[] {1, 32}) {
                    Result put = run(base, clients.subList(0, concurrency), body, true);
                    Result get = run(base, clients.subList(0, concurrency), body, false);
                    lines.add(String.format("%-10s %2d clients  GET %7.0f req/s  p50 %6.2f ms  p99 %6.2f ms   "
                            + "PUT %6.0f req/s  p50 %6.2f ms  p99 %6.2f ms", database, concurrency, get.perSecond(),
                            get.p50(), get.p99(), put.perSecond(), put.p50(), put.p99()));
                }
            } finally {
                if (server != null) {
                    server.destroy();
                    server.waitFor(20, TimeUnit.SECONDS);
                }
            }
        }
        System.out.println("Authenticated /api/backup, 32 KiB bodies, " + SECONDS + " s per figure, loopback, "
                + Runtime.getRuntime().availableProcessors() + " cores:");
        lines.forEach(System.out::println);
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
        ApiClient api = new ApiClient(base, false);
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(base);
        ObjectNode options = api.post("/api/register/options", Json.object().put("name", "bench")).json();
        ApiClient.Response created = api.post("/api/register/verify", authenticator.create(options));
        assertEquals(201, created.status(), created.text());
        String cookie = created.header("Set-Cookie");
        cookie = cookie.substring(0, cookie.indexOf(';'));
        ApiClient.Response first = api.send("PUT", "/api/backup", Envelopes.ofSize(BODY), "If-None-Match", "*",
                "Cookie", cookie);
        assertEquals(201, first.status(), first.text());
        return new Client(cookie, new String[] {first.header("ETag")});
    }

    private static Result run(String base, List<Client> clients, byte[] body, boolean put) throws Exception {
        HttpClient http = HttpClient.newBuilder().executor(java.util.concurrent.Executors.newFixedThreadPool(4))
                .build();
        URI uri = URI.create(base + "/api/backup");
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
        done.await();
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
                all[Math.min(all.length - 1, (int) (all.length * 0.99))] / 1e6, total);
    }
}
