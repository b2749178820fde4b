package fob.server.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.server.StorageLimit;
import fob.server.testing.Accounts;
import fob.server.testing.ApiClient;
import fob.server.testing.Envelopes;
import fob.server.testing.SoftwareAuthenticator;
import fob.server.testing.TestServer;
import fob.server.web.Json;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 24, item 2: a server left at its defaults is bounded. Its backups stop at the storage default (what the
 * data directory's disk holds less a margin, or a fixed figure for PostgreSQL), with 507 and nothing half-written,
 * and new recovery accounts stop at a cap for the whole server, counted in the database.
 */
class BoundedByDefaultTest {
    /** The figure: this many accounts, each writing one backup, meet the storage default. */
    private static final int ACCOUNTS = 1000;
    private static final byte[] BACKUP = Envelopes.ofSize(2000);
    private static final long GIB = 1L << 30;

    /** A disk of 2 GiB whose free space, less the 1 GiB margin, holds {@code bytes}; PostgreSQL's figure the same. */
    private static StorageLimit.Defaults diskHolding(long bytes) {
        return defaults(bytes, bytes);
    }

    private static StorageLimit.Defaults defaults(long bytes, long postgresqlBytes) {
        return new StorageLimit.Defaults(new StorageLimit.Disk() {
            @Override
            public long usableBytes() {
                return GIB + bytes;
            }

            @Override
            public long totalBytes() {
                return 2 * GIB;
            }
        }, postgresqlBytes);
    }

    private static long storedBytes(TestServer server) throws Exception {
        try (Connection db = server.database(); Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery("SELECT COALESCE(SUM(LENGTH(body)), 0) FROM backup_versions")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<Long> versions(ApiClient client) throws Exception {
        List<Long> versions = new ArrayList<>();
        for (JsonNode version : client.get("/api/backup/versions").json().path("versions")) {
            versions.add(version.path("version").asLong());
        }
        return versions;
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void aThousandAccountsWritesStopAtTheStorageDefaultWithNothingHalfWritten(TestServer.Database database)
            throws Exception {
        // Room for all but the last account's backup.
        long limit = (long) BACKUP.length * (ACCOUNTS - 1) + BACKUP.length / 2;
        try (TestServer server = TestServer.start(database, diskHolding(limit), "--rate-limit=0",
                "--accounts-per-hour=0", "--signups-per-hour=0")) {
            List<ApiClient> clients = new ArrayList<>();
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                List<Future<ApiClient>> made = new ArrayList<>();
                for (int i = 0; i < ACCOUNTS; i++) {
                    String name = "Account " + i;
                    made.add(threads.submit(() -> Accounts.create(server, name).client()));
                }
                for (Future<ApiClient> client : made) {
                    clients.add(client.get());
                }
            } finally {
                threads.shutdownNow();
            }
            for (int i = 0; i < ACCOUNTS - 1; i++) {
                ApiClient.Response written = clients.get(i).put("/api/backup", BACKUP, "If-None-Match", "*");
                assertEquals(201, written.status(), "account " + i + ": " + written.text());
            }
            ApiClient last = clients.get(ACCOUNTS - 1);
            ApiClient.Response full = last.put("/api/backup", BACKUP, "If-None-Match", "*");
            assertEquals(507, full.status(), full.text());
            assertEquals("server_storage_full", full.error());
            assertEquals(404, last.get("/api/backup").status(), "no backup was made");
            assertEquals(List.of(), versions(last));

            ApiClient first = clients.get(0);
            ApiClient.Response update = first.put("/api/backup", Envelopes.ofSize(2000), "If-Match", "\"1\"");
            assertEquals(507, update.status(), "a new version is new bytes too: " + update.text());
            assertArrayEquals(BACKUP, first.get("/api/backup").body(), "the stored backup is unchanged");
            assertEquals(List.of(1L), versions(first), "and so are its versions");
            long stored = storedBytes(server);
            assertEquals((long) BACKUP.length * (ACCOUNTS - 1), stored);
            assertTrue(stored <= limit);

            // Another server started on it now (or this one started again) counts what the backups already hold:
            // its disk shows that much less free (PostgreSQL's fixed figure is the same figure).
            try (TestServer again = TestServer.startOn(server.dbUrl(), defaults(limit - stored, limit),
                    "--rate-limit=0", "--accounts-per-hour=0", "--signups-per-hour=0")) {
                ApiClient ann = Accounts.create(again, "Ann").client();
                ApiClient.Response room = ann.put("/api/backup", Envelopes.ofSize(200), "If-None-Match", "*");
                assertEquals(201, room.status(), "the half backup's room left is still there: " + room.text());
                ApiClient.Response stillFull = ann.put("/api/backup", BACKUP, "If-Match", room.header("ETag"));
                assertEquals(507, stillFull.status(), stillFull.text());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void unlimitedIsOnlyWhenTheOperatorSaysSo(TestServer.Database database) throws Exception {
        try (TestServer server = TestServer.start(database, diskHolding(BACKUP.length / 2), "--rate-limit=0",
                "--storage-max-bytes=unlimited")) {
            ApiClient client = Accounts.create(server, "Ann").client();
            ApiClient.Response written = client.put("/api/backup", BACKUP, "If-None-Match", "*");
            assertEquals(201, written.status(), written.text());
        }
        try (TestServer server = TestServer.start(database, diskHolding(BACKUP.length / 2), "--rate-limit=0")) {
            ApiClient client = Accounts.create(server, "Ann").client();
            ApiClient.Response refused = client.put("/api/backup", BACKUP, "If-None-Match", "*");
            assertEquals(507, refused.status(), "the same disk, at the default: " + refused.text());
        }
    }

    private static ApiClient.Response registerFrom(TestServer server, String address) throws Exception {
        ApiClient client = server.client();
        ApiClient.Response options = client.send("POST", "/api/register/options",
                Json.object().put("name", "From " + address).toString().getBytes(StandardCharsets.UTF_8),
                "X-Forwarded-For", address);
        if (options.status() != 200) {
            return options;
        }
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(server.origin());
        return client.send("POST", "/api/register/verify",
                authenticator.create(options.json()).toString().getBytes(StandardCharsets.UTF_8),
                "X-Forwarded-For", address);
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void newAccountsStopAtTheServersCapFromEveryAddressAndOnEveryServer(TestServer.Database database)
            throws Exception {
        String[] flags = {"--signups-per-hour=5", "--trusted-proxies=127.0.0.1",
            "--client-ip-header=X-Forwarded-For"};
        try (TestServer server = TestServer.start(database, flags)) {
            for (int i = 1; i <= 5; i++) {
                ApiClient.Response created = registerFrom(server, "203.0.113." + i);
                assertEquals(201, created.status(), "address " + i + ": " + created.text());
            }
            ApiClient.Response paused = registerFrom(server, "198.51.100.1");
            assertEquals(503, paused.status(), paused.text());
            assertEquals("server_signups_paused", paused.error());
            long retryAfter = Long.parseLong(paused.header("Retry-After"));
            assertTrue(retryAfter > 60 && retryAfter <= 721, "12 minutes at 5 an hour: " + retryAfter);
            assertEquals(200, server.client().post("/api/signin/options", Json.object()).status(),
                    "signing in is not a new account");

            try (TestServer other = TestServer.startOn(server.dbUrl(), flags)) {
                assertEquals("server_signups_paused", registerFrom(other, "198.51.100.2").error(),
                        "the cap is counted in the database, for every server on it");
            }
            server.advance(Duration.ofSeconds(retryAfter));
            assertEquals(201, registerFrom(server, "198.51.100.3").status(), "open again after Retry-After");
        }
    }
}
