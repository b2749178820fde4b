package fob.server.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.server.testing.Accounts;
import fob.server.testing.ApiClient;
import fob.server.testing.Envelopes;
import fob.server.testing.ServerProcess;
import fob.server.testing.SoftwareAuthenticator;
import fob.server.testing.TestPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The real server jar under concurrent backup writes from several accounts, killed with SIGKILL midway (or
 * stopped with SIGTERM) and started again, at several points: every write it acknowledged (2xx) must be there,
 * byte for byte, and the current backup of every account must be one that was written whole, never a torn one.
 */
class CrashSafetyIT {
    private static final int ACCOUNTS = 6;
    private static final int MAX_WRITES_PER_ROUND = 300;

    private record Ack(int account, long version, String sha) {
    }

    private static String sha(byte[] body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    }

    /** How the server goes away. */
    private enum Stop { KILL, TERMINATE }

    @Test
    void sqliteKeepsEveryAcknowledgedWrite() throws Exception {
        crashAndCheck("sqlite", List.of(), new long[] {700, 1500, 2500}, Stop.KILL);
    }

    @Test
    void postgresqlKeepsEveryAcknowledgedWrite() throws Exception {
        crashAndCheck("postgresql", List.of("--db-url=" + TestPostgres.get().newDatabase(), "--db-user=fob"),
                new long[] {300, 1200, 2500}, Stop.KILL);
    }

    @Test
    void sqliteKeepsEveryAcknowledgedWriteThroughSigterm() throws Exception {
        crashAndCheck("sqlite", List.of(), new long[] {500, 1500}, Stop.TERMINATE);
    }

    @Test
    void postgresqlKeepsEveryAcknowledgedWriteThroughSigterm() throws Exception {
        crashAndCheck("postgresql", List.of("--db-url=" + TestPostgres.get().newDatabase(), "--db-user=fob"),
                new long[] {500, 1500}, Stop.TERMINATE);
    }

    private void crashAndCheck(String database, List<String> databaseFlags, long[] killAfterMillis, Stop stop)
            throws Exception {
        List<String> flags = new ArrayList<>(List.of("--rate-limit=0", "--accounts-per-hour=0",
                "--signups-per-hour=0", "--history=1000"));
        flags.addAll(databaseFlags);
        try (ServerProcess server = ServerProcess.start(flags.toArray(new String[0]))) {
            List<ApiClient> clients = new ArrayList<>();
            for (int i = 0; i < ACCOUNTS; i++) {
                ApiClient client = new ApiClient(server.url());
                assertEquals(201, Accounts.register(client, new SoftwareAuthenticator(server.url()), "Writer " + i)
                        .status());
                clients.add(client);
            }
            Set<Ack> acknowledged = ConcurrentHashMap.newKeySet();
            Set<String> attempted = ConcurrentHashMap.newKeySet();
            for (long killAfter : killAfterMillis) {
                List<Thread> writers = new ArrayList<>();
                for (int i = 0; i < ACCOUNTS; i++) {
                    int account = i;
                    Thread writer = new Thread(() -> write(clients.get(account), account, acknowledged, attempted));
                    writers.add(writer);
                    writer.start();
                }
                Thread.sleep(killAfter);
                if (stop == Stop.KILL) {
                    server.kill();
                } else {
                    int exit = server.terminate();
                    assertTrue(exit == 0 || exit == 143, "a clean exit on SIGTERM, not " + exit);
                }
                for (Thread writer : writers) {
                    writer.join();
                }
                server.restart();
                int found = check(clients, acknowledged, attempted);
                System.out.printf("%s, %s after %d ms: %d writes acknowledged so far, %d found intact%n",
                        database, stop == Stop.KILL ? "SIGKILL" : "SIGTERM", killAfter, acknowledged.size(), found);
                assertEquals(acknowledged.size(), found, "every acknowledged write is there");
            }
            assertTrue(acknowledged.size() > killAfterMillis.length * ACCOUNTS, "the writers wrote");
        }
    }

    @Test
    void aWriteInProgressAtSigtermIsFinishedAndAnswered() throws Exception {
        try (ServerProcess server = ServerProcess.start("--rate-limit=0")) {
            ApiClient client = new ApiClient(server.url());
            assertEquals(201, Accounts.register(client, new SoftwareAuthenticator(server.url()), "Ann").status());
            byte[] body = Envelopes.ofSize(200_000);
            CountDownLatch halfSent = new CountDownLatch(1);
            CountDownLatch terminated = new CountDownLatch(1);
            InputStream slowBody = new SequenceInputStream(new ByteArrayInputStream(body, 0, body.length / 2),
                    new InputStream() {
                        private final InputStream rest = new ByteArrayInputStream(body, body.length / 2,
                                body.length - body.length / 2);

                        @Override
                        public int read() throws IOException {
                            halfSent.countDown();
                            try {
                                terminated.await();
                            } catch (InterruptedException e) {
                                throw new IOException(e);
                            }
                            return rest.read();
                        }
                    });
            CompletableFuture<ApiClient.Response> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return client.putStream("/api/backup", () -> slowBody, body.length, "If-None-Match", "*");
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            halfSent.await();
            server.process().destroy();
            terminated.countDown();
            ApiClient.Response response = answer.get(30, TimeUnit.SECONDS);
            assertEquals(201, response.status(), "the request in progress was finished: " + response.text());
            assertTrue(server.process().waitFor(30, TimeUnit.SECONDS), "and then the server stopped");
            server.restart();
            assertArrayEquals(body, client.get("/api/backup").body());
        }
    }

    /** Writes new versions until the server goes away (or enough were written). */
    private static void write(ApiClient client, int account, Set<Ack> acknowledged, Set<String> attempted) {
        try {
            ApiClient.Response current = client.get("/api/backup");
            String etag = current.status() == 200 ? current.header("ETag") : null;
            for (int n = 0; n < MAX_WRITES_PER_ROUND; n++) {
                byte[] body = Envelopes.ofSize(2048 + n % 7 * 1024);
                String sha = sha(body);
                attempted.add(sha);
                ApiClient.Response response = etag == null
                        ? client.put("/api/backup", body, "If-None-Match", "*")
                        : client.put("/api/backup", body, "If-Match", etag);
                if (response.status() == 200 || response.status() == 201) {
                    acknowledged.add(new Ack(account, response.json().path("version").asLong(), sha));
                    etag = response.header("ETag");
                } else if (response.status() == 412) {
                    etag = client.get("/api/backup").header("ETag");
                } else if (response.status() == 503) {
                    // Stopping gracefully: it takes no new request and says so.
                    return;
                } else {
                    throw new AssertionError("unexpected " + response.status() + ": " + response.text());
                }
            }
        } catch (IOException serverWentAway) {
            // The kill: what was acknowledged before it is what must survive.
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Reads back every acknowledged version; checks each account's current backup is one written whole. */
    private static int check(List<ApiClient> clients, Set<Ack> acknowledged, Set<String> attempted)
            throws Exception {
        int found = 0;
        Map<Integer, Long> newest = new ConcurrentHashMap<>();
        for (Ack ack : acknowledged) {
            newest.merge(ack.account(), ack.version(), Math::max);
            ApiClient.Response version = clients.get(ack.account()).get("/api/backup/versions/" + ack.version());
            if (version.status() == 200 && sha(version.body()).equals(ack.sha())) {
                found++;
            } else {
                System.out.println("LOST: account " + ack.account() + " version " + ack.version() + " answered "
                        + version.status());
            }
        }
        for (int account = 0; account < clients.size(); account++) {
            ApiClient.Response current = clients.get(account).get("/api/backup");
            if (current.status() == 404 && !newest.containsKey(account)) {
                continue;
            }
            assertEquals(200, current.status(), current.text());
            assertTrue(attempted.contains(sha(current.body())), "the current backup is one written whole");
            long version = Long.parseLong(current.header("ETag").replace("\"", ""));
            assertTrue(version >= newest.getOrDefault(account, 0L), "the current version is not older than"
                    + " the newest acknowledged");
        }
        return found;
    }
}
