package fob.server.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.server.testing.Accounts;
import fob.server.testing.ApiClient;
import fob.server.testing.Envelopes;
import fob.server.testing.ServerProcess;
import fob.server.testing.SoftwareAuthenticator;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A bounded loopback load on the real server jar (SQLite, a 256 MiB heap): 64 clients, each with its own
 * recovery account, signing in again now and then and reading and writing its backup, for
 * {@code fob.load.seconds} (20 in the test command; bin/load runs 120). No request may fail, no acknowledged
 * write may be lost, and the server's memory must stay bounded.
 */
class LoadIT {
    private static final int CLIENTS = 64;
    private static final long SECONDS = Long.getLong("fob.load.seconds", 20);
    private static final long SIGN_IN_EVERY_NANOS = 7_000_000_000L;

    private static final class Client {
        final ApiClient api;
        final SoftwareAuthenticator authenticator;
        String etag;
        String lastAcknowledged;
        long lastSignIn = System.nanoTime();

        Client(ApiClient api, SoftwareAuthenticator authenticator) {
            this.api = api;
            this.authenticator = authenticator;
        }
    }

    private static String sha(byte[] body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    }

    @Test
    void sixtyFourClientsLoseNothingAndMemoryStaysBounded() throws Exception {
        // Sign-ins come from one address here; the per-address limit is for real networks, the per-account one stays.
        try (ServerProcess server = ServerProcess.start(List.of("-Xmx256m"), "--rate-limit=0",
                "--accounts-per-hour=0", "--signups-per-hour=0")) {
            List<Client> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                SoftwareAuthenticator authenticator = new SoftwareAuthenticator(server.url());
                ApiClient api = new ApiClient(server.url());
                assertEquals(201, Accounts.register(api, authenticator, "Load " + i).status());
                clients.add(new Client(api, authenticator));
            }
            AtomicLong signIns = new AtomicLong();
            AtomicLong reads = new AtomicLong();
            AtomicLong writes = new AtomicLong();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            List<Long> resident = new ArrayList<>();
            long end = System.nanoTime() + SECONDS * 1_000_000_000L;
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                Client client = clients.get(i);
                Random random = new Random(i);
                Thread thread = new Thread(() -> {
                    try {
                        while (System.nanoTime() < end && failures.isEmpty()) {
                            int choice = random.nextInt(20);
                            // Each account may sign in 10 times a minute, and that limit stays on here.
                            if (choice == 0 && System.nanoTime() - client.lastSignIn > SIGN_IN_EVERY_NANOS) {
                                client.lastSignIn = System.nanoTime();
                                ApiClient.Response signedIn = Accounts.signIn(client.api, client.authenticator);
                                if (signedIn.status() != 200) {
                                    failures.add("sign-in " + signedIn.status() + " " + signedIn.text());
                                }
                                signIns.incrementAndGet();
                            } else if (choice < 11) {
                                ApiClient.Response read = client.api.get("/api/backup");
                                if (read.status() != 200 && !(read.status() == 404 && client.etag == null)) {
                                    failures.add("read " + read.status() + " " + read.text());
                                } else if (read.status() == 200 && !sha(read.body()).equals(client.lastAcknowledged)) {
                                    failures.add("read a backup other than the last one written");
                                }
                                reads.incrementAndGet();
                            } else {
                                byte[] body = Envelopes.ofSize(8192 + random.nextInt(24 * 1024));
                                ApiClient.Response written = client.etag == null
                                        ? client.api.put("/api/backup", body, "If-None-Match", "*")
                                        : client.api.put("/api/backup", body, "If-Match", client.etag);
                                if (written.status() != 200 && written.status() != 201) {
                                    failures.add("write " + written.status() + " " + written.text());
                                } else {
                                    client.etag = written.header("ETag");
                                    client.lastAcknowledged = sha(body);
                                }
                                writes.incrementAndGet();
                            }
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                });
                threads.add(thread);
                thread.start();
            }
            while (System.nanoTime() < end) {
                Thread.sleep(1000);
                resident.add(server.residentKiB());
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertEquals(List.of(), new ArrayList<>(failures).subList(0, Math.min(5, failures.size())));
            int lost = 0;
            for (Client client : clients) {
                if (client.etag != null && !sha(client.api.get("/api/backup").body()).equals(client.lastAcknowledged)) {
                    lost++;
                }
            }
            assertEquals(0, lost, "every client's last acknowledged write is its backup");
            long[] rss = resident.stream().mapToLong(Long::longValue).toArray();
            long firstHalfPeak = Arrays.stream(rss, 0, Math.max(1, rss.length / 2)).max().orElse(0);
            long peak = Arrays.stream(rss).max().orElse(0);
            System.out.printf("Load: %d clients for %d s: %d sign-ins, %d reads, %d writes (%.0f requests/s), no"
                    + " failure, no lost write; server RSS peak %d MiB (first half %d MiB)%n", CLIENTS, SECONDS,
                    signIns.get(), reads.get(), writes.get(), (signIns.get() * 2 + reads.get() + writes.get())
                            / (double) SECONDS, peak / 1024, firstHalfPeak / 1024);
            // A 256 MiB heap plus the JVM's own: bounded means well under a gigabyte, and not still climbing.
            assertTrue(peak < 768 * 1024, "RSS peak " + peak / 1024 + " MiB");
            assertTrue(peak < firstHalfPeak * 1.5 + 64 * 1024, "memory kept growing: " + Arrays.toString(rss));
        }
    }
}
