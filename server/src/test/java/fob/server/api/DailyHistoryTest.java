package fob.server.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.server.testing.Accounts;
import fob.server.testing.ApiClient;
import fob.server.testing.Envelopes;
import fob.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 24, item 3: besides the newest FOB_HISTORY versions, the last version of each of the last FOB_HISTORY_DAYS
 * days (UTC) stays, so a run of quick writes from a stolen session cannot push every good version out; a key
 * rotation still deletes them all.
 */
class DailyHistoryTest {
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final int CIPHERTEXT = 300;

    private static List<Long> versions(ApiClient client) throws Exception {
        List<Long> versions = new ArrayList<>();
        for (JsonNode version : client.get("/api/backup/versions").json().path("versions")) {
            versions.add(version.path("version").asLong());
        }
        return versions;
    }

    /** Moves the server's clock to the next noon, UTC, so that each day's writes are well inside it. */
    private static void toNoon(TestServer server) {
        long now = System.currentTimeMillis();
        long noon = now - Math.floorMod(now, DAY) + DAY / 2;
        server.advance(Duration.ofMillis(noon > now ? noon - now : noon + DAY - now));
    }

    /**
     * Two versions on each of two days, then one on the third and 25 quick ones; returns each version's body by
     * number.
     */
    private static Map<Long, byte[]> threeDaysAndABurst(TestServer server, ApiClient client) throws Exception {
        Map<Long, byte[]> bodies = new TreeMap<>();
        ObjectNode header = Envelopes.header();
        String etag = null;
        for (int day = 0; day < 3; day++) {
            int writes = day < 2 ? 2 : 26;
            for (int i = 0; i < writes; i++) {
                // The same header each time: new content needs only the session.
                byte[] body = Envelopes.envelope(header, CIPHERTEXT).toString().getBytes(StandardCharsets.UTF_8);
                ApiClient.Response written = etag == null ? client.put("/api/backup", body, "If-None-Match", "*")
                        : client.put("/api/backup", body, "If-Match", etag);
                assertEquals(etag == null ? 201 : 200, written.status(), written.text());
                etag = written.header("ETag");
                bodies.put(written.json().path("version").asLong(), body);
                server.advance(Duration.ofMinutes(1));
            }
            if (day < 2) {
                server.advance(Duration.ofDays(1));
            }
        }
        return bodies;
    }

    private static List<Long> newest(long from, long to) {
        List<Long> versions = new ArrayList<>();
        for (long v = to; v >= from; v--) {
            versions.add(v);
        }
        return versions;
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void aBurstLeavesTheLastVersionOfEachEarlierDayAndARotationDeletesThem(TestServer.Database database)
            throws Exception {
        try (TestServer server = TestServer.start(database, "--history=20")) {
            toNoon(server);
            Accounts.Signed kit = Accounts.create(server, "Kit");
            ApiClient client = kit.client();
            Map<Long, byte[]> bodies = threeDaysAndABurst(server, client);

            List<Long> expected = newest(11, 30);
            expected.add(4L);
            expected.add(2L);
            assertEquals(expected, versions(client), "the newest 20, and the last of day 2 (4) and of day 1 (2)");
            for (long kept : List.of(2L, 4L)) {
                ApiClient.Response read = client.get("/api/backup/versions/" + kept);
                assertEquals(200, read.status(), read.text());
                assertArrayEquals(bodies.get(kept), read.body(), "version " + kept + " byte for byte");
            }
            assertEquals(404, client.get("/api/backup/versions/1").status(), "not the last of its day");
            assertEquals(404, client.get("/api/backup/versions/3").status());

            assertEquals(200, Accounts.signIn(client, kit.authenticator()).status());
            byte[] rotated = Envelopes.ofSize(1000);
            ApiClient.Response done = client.send("POST", "/api/backup/rotation", rotated, "If-Match", "\"30\"");
            assertEquals(200, done.status(), done.text());
            assertEquals(List.of(31L), versions(client), "a rotation deletes every earlier version, daily ones too");
            assertEquals(404, client.get("/api/backup/versions/2").status());
            assertEquals(404, client.get("/api/backup/versions/4").status());
        }
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void aFullQuotaLetsTheBurstsOwnVersionsGoBeforeTheDailyOnes(TestServer.Database database) throws Exception {
        int size = Envelopes.envelope(Envelopes.header(), CIPHERTEXT).toString().getBytes(StandardCharsets.UTF_8)
                .length;
        // Room for 21 of the 22 versions kept.
        try (TestServer server = TestServer.start(database, "--history=20",
                "--account-max-bytes=" + (size * 21 + size / 2))) {
            toNoon(server);
            ApiClient client = Accounts.create(server, "Kit").client();
            threeDaysAndABurst(server, client);
            List<Long> expected = newest(12, 30);
            expected.add(4L);
            expected.add(2L);
            assertEquals(expected, versions(client), "the burst's oldest (11) went, not a day's last");
        }
    }

    /**
     * The security review's case: a stolen session writes versions as large as the account's quota allows, to push
     * the earlier days' versions out through the quota rather than the count.
     */
    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void aBurstOfLargeWritesFillingTheQuotaLeavesTheEarlierDaysVersions(TestServer.Database database)
            throws Exception {
        ObjectNode header = Envelopes.header();
        int small = Envelopes.envelope(header, CIPHERTEXT).toString().getBytes(StandardCharsets.UTF_8).length;
        int largeCiphertext = 30_000;
        int large = Envelopes.envelope(header, largeCiphertext).toString().getBytes(StandardCharsets.UTF_8).length;
        long quota = 4L * large + 4L * small;
        try (TestServer server = TestServer.start(database, "--account-max-bytes=" + quota)) {
            toNoon(server);
            ApiClient client = Accounts.create(server, "Kit").client();
            Map<Long, byte[]> bodies = new TreeMap<>();
            String etag = null;
            for (int day = 0; day < 2; day++) {
                for (int i = 0; i < 2; i++) {
                    byte[] body = Envelopes.envelope(header, CIPHERTEXT).toString().getBytes(StandardCharsets.UTF_8);
                    ApiClient.Response written = etag == null ? client.put("/api/backup", body, "If-None-Match", "*")
                            : client.put("/api/backup", body, "If-Match", etag);
                    assertEquals(etag == null ? 201 : 200, written.status(), written.text());
                    etag = written.header("ETag");
                    bodies.put(written.json().path("version").asLong(), body);
                    server.advance(Duration.ofMinutes(1));
                }
                server.advance(Duration.ofDays(1));
            }
            for (int i = 0; i < 20; i++) {
                byte[] body = Envelopes.envelope(header, largeCiphertext).toString()
                        .getBytes(StandardCharsets.UTF_8);
                ApiClient.Response written = client.put("/api/backup", body, "If-Match", etag);
                assertEquals(200, written.status(), written.text());
                etag = written.header("ETag");
                bodies.put(written.json().path("version").asLong(), body);
            }

            List<Long> listed = versions(client);
            assertEquals(List.of(24L, 23L, 22L, 21L, 4L, 2L), listed,
                    "the current version, the burst's newest that fit, and each earlier day's last");
            long kept = 0;
            for (JsonNode version : client.get("/api/backup/versions").json().path("versions")) {
                kept += version.path("size").asLong();
            }
            assertTrue(kept <= quota, kept + " bytes kept, quota " + quota);
            for (long day : List.of(2L, 4L)) {
                ApiClient.Response read = client.get("/api/backup/versions/" + day);
                assertEquals(200, read.status(), read.text());
                assertArrayEquals(bodies.get(day), read.body(), "version " + day + " byte for byte");
            }
            assertArrayEquals(bodies.get(24L), client.get("/api/backup").body());
        }
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void noDaysIsTheNewestVersionsAlone(TestServer.Database database) throws Exception {
        try (TestServer server = TestServer.start(database, "--history=20", "--history-days=0")) {
            toNoon(server);
            ApiClient client = Accounts.create(server, "Kit").client();
            threeDaysAndABurst(server, client);
            assertEquals(newest(11, 30), versions(client));
        }
    }
}
