package fob.server.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.server.testing.Accounts;
import fob.server.testing.ApiClient;
import fob.server.testing.Envelopes;
import fob.server.testing.TestServer;
import fob.server.web.Base64Url;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.node.ObjectNode;

/** Backups over HTTP: preconditions, sizes, envelope shape, history, deletion, isolation, concurrency. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BackupApiContract {
    private static final int MAX_BYTES = 64 * 1024;
    private static final int HISTORY = 3;
    protected TestServer server;

    protected abstract TestServer.Database database();

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(database(), "--rate-limit=0", "--accounts-per-hour=0", "--signups-per-hour=0",
                "--backup-max-bytes=" + MAX_BYTES,
                "--history=" + HISTORY);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static ApiClient.Response create(ApiClient client, byte[] body) throws Exception {
        return client.put("/api/backup", body, "If-None-Match", "*");
    }

    @Test
    void createReadUpdateWithEtags() throws Exception {
        ApiClient client = Accounts.create(server, "Ann").client();
        ApiClient.Response none = client.get("/api/backup");
        assertEquals(404, none.status());
        assertEquals("no_backup", none.error());

        byte[] first = Envelopes.ofSize(2000);
        ApiClient.Response created = create(client, first);
        assertEquals(201, created.status(), created.text());
        String etag = created.header("ETag");
        ApiClient.Response read = client.get("/api/backup");
        assertEquals(200, read.status());
        assertArrayEquals(first, read.body(), "byte for byte");
        assertEquals(etag, read.header("ETag"));

        assertEquals(304, client.get("/api/backup", "If-None-Match", etag).status(), "a device that has it");
        assertEquals(200, client.get("/api/backup", "If-None-Match", "\"0\"").status());
        assertEquals(412, create(client, Envelopes.ofSize(100)).status(), "If-None-Match: * when one exists");
        byte[] second = Envelopes.ofSize(3000);
        ApiClient.Response updated = client.put("/api/backup", second, "If-Match", etag);
        assertEquals(200, updated.status(), updated.text());
        assertArrayEquals(second, client.get("/api/backup").body());

        ApiClient.Response stale = client.put("/api/backup", Envelopes.ofSize(100), "If-Match", etag);
        assertEquals(412, stale.status());
        assertEquals("precondition_failed", stale.error());
        assertEquals(updated.header("ETag"), stale.header("ETag"), "a 412 names the current version");
        assertArrayEquals(second, client.get("/api/backup").body(), "the stale write changed nothing");
    }

    @Test
    void aWriteWithoutAPreconditionIsRefused() throws Exception {
        ApiClient client = Accounts.create(server, "Bo").client();
        ApiClient.Response response = client.put("/api/backup", Envelopes.ofSize(100));
        assertEquals(428, response.status());
        assertEquals("precondition_required", response.error());
        assertEquals(404, client.get("/api/backup").status());
    }

    @Test
    void anOversizeBackupIsRefused() throws Exception {
        ApiClient client = Accounts.create(server, "Cy").client();
        ApiClient.Response response = create(client, Envelopes.ofSize(MAX_BYTES + 1000));
        assertEquals(413, response.status());
        assertEquals("too_large", response.error());
        assertEquals(MAX_BYTES, response.json().path("limit").asLong(),
                "the limit, for the page to say in words");
        assertEquals(201, create(client, Envelopes.ofSize(MAX_BYTES - 1000)).status());
    }

    @Test
    void theLimitCanBeAskedWithoutSigningIn() throws Exception {
        ApiClient.Response limit = new ApiClient(server.url()).get("/api/backup/limit");
        assertEquals(200, limit.status(), limit.text());
        assertEquals(MAX_BYTES, limit.json().path("maxBytes").asLong());
    }

    /** docs/formats.md: version 2 carries a lineage, and a slot of a type this server does not know is kept. */
    @Test
    void aVersion2EnvelopeWithAnUnknownSlotIsStoredByteForByte() throws Exception {
        ApiClient client = Accounts.create(server, "Uma").client();
        ObjectNode header = Envelopes.header();
        header.put("lineage", Base64Url.encode(new byte[16]));
        header.withArray("slots").addObject().put("type", "sms").put("anything", "a newer Fob's");
        String body = Envelopes.envelope(header, 100).put("fob", 2).toString();
        assertEquals(201, create(client, body.getBytes(StandardCharsets.UTF_8)).status());
        assertEquals(body, client.get("/api/backup").text());
    }

    @Test
    void onlyWellFormedEnvelopesAreStored() throws Exception {
        ApiClient client = Accounts.create(server, "Dee").client();
        List<String> bad = new ArrayList<>();
        bad.add("not json");
        bad.add("[]");
        bad.add("{}");
        ObjectNode good = Envelopes.envelope(Envelopes.header(), 100);
        bad.add(good.deepCopy().put("fob", 6).toString());
        bad.add(good.deepCopy().put("fob", 0).toString());
        // Whole numbers beyond 64 bits (a fuzzer's finding): refused as such, not a 500.
        bad.add(good.toString().replace("\"fob\":1", "\"fob\":1888888888888888888888888888888888888888888888888"));
        bad.add(good.deepCopy().put("extra", 1).toString());
        bad.add(good.deepCopy().put("nonce", Base64Url.encode(new byte[11])).toString());
        bad.add(good.deepCopy().put("nonce", "not base64url!").toString());
        bad.add(good.deepCopy().put("ciphertext", Base64Url.encode(new byte[15])).toString());
        bad.add(good.deepCopy().put("header", Base64Url.encode("not json".getBytes())).toString());
        ObjectNode noSlots = Envelopes.header();
        noSlots.putArray("slots");
        bad.add(Envelopes.envelope(noSlots, 100).toString());
        ObjectNode tooMany = Envelopes.header();
        for (int i = 0; i < 16; i++) {
            tooMany.withArray("slots").add(tooMany.path("slots").get(0).deepCopy());
        }
        bad.add(Envelopes.envelope(tooMany, 100).toString());
        ObjectNode untyped = Envelopes.header();
        ((ObjectNode) untyped.path("slots").get(0)).put("type", "");
        bad.add(Envelopes.envelope(untyped, 100).toString());
        ObjectNode shortLineage = Envelopes.header();
        shortLineage.put("lineage", Base64Url.encode(new byte[15]));
        bad.add(Envelopes.envelope(shortLineage, 100).put("fob", 2).toString());
        ObjectNode lineageInVersion1 = Envelopes.header();
        lineageInVersion1.put("lineage", Base64Url.encode(new byte[16]));
        bad.add(Envelopes.envelope(lineageInVersion1, 100).toString());
        ObjectNode extraHeaderField = Envelopes.header();
        extraHeaderField.put("comment", "x");
        bad.add(Envelopes.envelope(extraHeaderField, 100).toString());
        ObjectNode shortKey = Envelopes.header();
        ((ObjectNode) shortKey.path("slots").get(0)).put("wrappedKey", Base64Url.encode(new byte[32]));
        bad.add(Envelopes.envelope(shortKey, 100).toString());
        ObjectNode password = Envelopes.header();
        password.withArray("slots").addObject().put("type", "password").put("kdf", "argon2id")
                .put("memoryKiB", 1 << 30).put("iterations", 3).put("parallelism", 1)
                .put("salt", Base64Url.encode(new byte[16])).put("nonce", Base64Url.encode(new byte[12]))
                .put("wrappedKey", Base64Url.encode(new byte[48]));
        bad.add(Envelopes.envelope(password, 100).toString());
        ObjectNode sealedInVersion2 = Envelopes.header();
        sealedInVersion2.put("lineage", Base64Url.encode(new byte[16]));
        ObjectNode sealed = sealedInVersion2.withArray("slots").addObject().put("type", "passkey-sealed")
                .put("credentialId", Base64Url.encode(new byte[16])).put("publicKey", Base64Url.encode(point()))
                .put("ephemeralKey", Base64Url.encode(point())).put("privateKeyNonce", Base64Url.encode(new byte[12]))
                .put("wrappedPrivateKey", Base64Url.encode(new byte[48])).put("nonce", Base64Url.encode(new byte[12]))
                .put("wrappedKey", Base64Url.encode(new byte[48]));
        bad.add(Envelopes.envelope(sealedInVersion2, 100).put("fob", 2).toString());
        ObjectNode compressedPoint = sealedInVersion2.deepCopy();
        ((ObjectNode) compressedPoint.path("slots").get(2)).put("publicKey", Base64Url.encode(new byte[65]));
        bad.add(Envelopes.envelope(compressedPoint, 100).put("fob", 3).toString());
        ObjectNode shortPrivateKey = sealedInVersion2.deepCopy();
        ((ObjectNode) shortPrivateKey.path("slots").get(2)).put("wrappedPrivateKey", Base64Url.encode(new byte[32]));
        bad.add(Envelopes.envelope(shortPrivateKey, 100).put("fob", 3).toString());
        ObjectNode chainInVersion2 = Envelopes.header();
        chainInVersion2.putArray("previousKeys").addObject().put("nonce", Base64Url.encode(new byte[12]))
                .put("wrappedKey", Base64Url.encode(new byte[48]));
        bad.add(Envelopes.envelope(chainInVersion2, 100).put("fob", 2).toString());
        ObjectNode shortLink = Envelopes.header();
        shortLink.putArray("previousKeys").addObject().put("nonce", Base64Url.encode(new byte[12]))
                .put("wrappedKey", Base64Url.encode(new byte[32]));
        bad.add(Envelopes.envelope(shortLink, 100).put("fob", 3).toString());
        ObjectNode anchorInVersion4 = sealedInVersion2.deepCopy();
        ((ObjectNode) anchorInVersion4.path("slots").get(2)).put("anchorNonce", Base64Url.encode(new byte[12]))
                .put("anchor", Base64Url.encode(new byte[48]));
        bad.add(Envelopes.envelope(anchorInVersion4, 100).put("fob", 4).toString());
        ObjectNode anchorWithoutNonce = sealedInVersion2.deepCopy();
        ((ObjectNode) anchorWithoutNonce.path("slots").get(2)).put("anchor", Base64Url.encode(new byte[48]));
        bad.add(Envelopes.envelope(anchorWithoutNonce, 100).put("fob", 5).toString());
        ObjectNode shortAnchor = anchorInVersion4.deepCopy();
        ((ObjectNode) shortAnchor.path("slots").get(2)).put("anchor", Base64Url.encode(new byte[32]));
        bad.add(Envelopes.envelope(shortAnchor, 100).put("fob", 5).toString());
        ObjectNode longAnchorNonce = anchorInVersion4.deepCopy();
        ((ObjectNode) longAnchorNonce.path("slots").get(2)).put("anchorNonce", Base64Url.encode(new byte[16]));
        bad.add(Envelopes.envelope(longAnchorNonce, 100).put("fob", 5).toString());
        for (String body : bad) {
            ApiClient.Response response = create(client, body.getBytes(StandardCharsets.UTF_8));
            assertEquals(400, response.status(), body);
            assertEquals("invalid_envelope", response.error(), body);
        }
        assertEquals(404, client.get("/api/backup").status(), "nothing was stored");
        assertEquals(201, create(client, Envelopes.envelope(sealedInVersion2, 100).put("fob", 3).toString()
                .getBytes(StandardCharsets.UTF_8)).status(), "the same sealed slot in version 3 is well formed");
        String anchored = Envelopes.envelope(anchorInVersion4, 100).put("fob", 5).toString();
        ApiClient.Response version5 = client.put("/api/backup", anchored.getBytes(StandardCharsets.UTF_8),
                "If-Match", client.get("/api/backup").header("ETag"));
        assertEquals(200, version5.status(), "the anchored slot in version 5 is well formed: " + version5.text());
        assertEquals(anchored, client.get("/api/backup").text());
        assertEquals(200, client.put("/api/backup", good.toString().getBytes(StandardCharsets.UTF_8), "If-Match",
                client.get("/api/backup").header("ETag")).status());
    }

    /** The shape of an uncompressed P-256 point (whether it is on the curve, only the client checks). */
    private static byte[] point() {
        byte[] point = new byte[65];
        point[0] = 4;
        return point;
    }

    @Test
    void historyKeepsTheNewestVersionsAndAnyCanBeRead() throws Exception {
        ApiClient client = Accounts.create(server, "Eve").client();
        List<byte[]> bodies = new ArrayList<>();
        String etag = null;
        for (int i = 0; i < 5; i++) {
            byte[] body = Envelopes.ofSize(500 + i);
            bodies.add(body);
            ApiClient.Response response = etag == null ? create(client, body)
                    : client.put("/api/backup", body, "If-Match", etag);
            assertTrue(response.status() == 200 || response.status() == 201, response.text());
            etag = response.header("ETag");
        }
        ObjectNode versions = client.get("/api/backup/versions").json();
        assertEquals(HISTORY, versions.path("versions").size());
        assertEquals(5, versions.path("versions").get(0).path("version").asLong());
        assertTrue(versions.path("versions").get(0).path("current").asBoolean());
        assertEquals(bodies.get(4).length, versions.path("versions").get(0).path("size").asInt());
        assertEquals(3, versions.path("versions").get(2).path("version").asLong());
        assertArrayEquals(bodies.get(2), client.get("/api/backup/versions/3").body());
        assertEquals(404, client.get("/api/backup/versions/2").status(), "beyond the history");
        assertEquals(400, client.get("/api/backup/versions/two").status());

        // Restoring an old version: read it, write it as the newest.
        byte[] old = client.get("/api/backup/versions/3").body();
        assertEquals(200, client.put("/api/backup", old, "If-Match", etag).status());
        assertArrayEquals(old, client.get("/api/backup").body());
    }

    @Test
    void deleteRemovesTheBackupAndItsHistory() throws Exception {
        ApiClient client = Accounts.create(server, "Fay").client();
        String etag = create(client, Envelopes.ofSize(500)).header("ETag");
        client.put("/api/backup", Envelopes.ofSize(600), "If-Match", etag);
        assertEquals(204, client.delete("/api/backup").status());
        assertEquals(404, client.get("/api/backup").status());
        assertEquals(0, client.get("/api/backup/versions").json().path("versions").size());
        assertEquals(404, client.get("/api/backup/versions/1").status());
        assertEquals(404, client.delete("/api/backup").status());
        assertEquals(412, client.put("/api/backup", Envelopes.ofSize(100), "If-Match", etag).status(),
                "an old ETag never matches again");
        ApiClient.Response recreated = create(client, Envelopes.ofSize(100));
        assertEquals(201, recreated.status());
        assertEquals("\"3\"", recreated.header("ETag"), "versions are never reused");
    }

    /**
     * A browser still signed in (a stolen laptop, say) cannot erase the backup and its history without the
     * passkey: deleting needs a passkey sign-in within the last 5 minutes, and nothing is deleted before it.
     */
    @Test
    void deletingTheBackupNeedsARecentSignIn() throws Exception {
        Accounts.Signed ivy = Accounts.create(server, "Ivy");
        ApiClient client = ivy.client();
        create(client, Envelopes.ofSize(500));
        server.advance(Duration.ofMinutes(6));
        try {
            ApiClient.Response stale = client.delete("/api/backup");
            assertEquals(403, stale.status());
            assertEquals("reauthentication_required", stale.error());
            assertEquals(200, client.get("/api/backup").status(), "nothing was deleted");
            assertEquals(1, client.get("/api/backup/versions").json().path("versions").size());
            assertEquals(200, Accounts.signIn(client, ivy.authenticator()).status());
            assertEquals(204, client.delete("/api/backup").status());
        } finally {
            server.advance(Duration.ofMinutes(-6));
        }
    }

    @Test
    void deletingTheHistoryNeedsARecentSignInAndKeepsTheCurrentVersion() throws Exception {
        Accounts.Signed jo = Accounts.create(server, "Jo");
        ApiClient client = jo.client();
        String etag = create(client, Envelopes.ofSize(500)).header("ETag");
        etag = client.put("/api/backup", Envelopes.ofSize(600), "If-Match", etag).header("ETag");
        byte[] current = Envelopes.ofSize(700);
        client.put("/api/backup", current, "If-Match", etag);
        server.advance(Duration.ofMinutes(6));
        try {
            ApiClient.Response stale = client.delete("/api/backup/versions");
            assertEquals(403, stale.status());
            assertEquals("reauthentication_required", stale.error());
            assertEquals(3, client.get("/api/backup/versions").json().path("versions").size(), "nothing went");
            assertEquals(200, Accounts.signIn(client, jo.authenticator()).status());
            ApiClient.Response deleted = client.delete("/api/backup/versions");
            assertEquals(200, deleted.status(), deleted.text());
            assertEquals(2, deleted.json().path("deleted").asInt());
        } finally {
            server.advance(Duration.ofMinutes(-6));
        }
        ObjectNode versions = client.get("/api/backup/versions").json();
        assertEquals(1, versions.path("versions").size());
        assertTrue(versions.path("versions").get(0).path("current").asBoolean());
        assertArrayEquals(current, client.get("/api/backup").body());
        assertTrue(client.get("/api/activity").text().contains("history_deleted"));
    }

    @Test
    void aRotationReplacesTheBackupAndDeletesEveryEarlierVersionAfterARecentSignIn() throws Exception {
        Accounts.Signed kit = Accounts.create(server, "Kit");
        ApiClient client = kit.client();
        String etag = create(client, Envelopes.ofSize(500)).header("ETag");
        etag = client.put("/api/backup", Envelopes.ofSize(600), "If-Match", etag).header("ETag");
        byte[] rotated = Envelopes.ofSize(650);
        assertEquals(428, client.send("POST", "/api/backup/rotation", rotated).status(), "If-Match is needed");
        assertEquals(412, client.send("POST", "/api/backup/rotation", rotated, "If-Match", "\"1\"").status(),
                "a rotation of a backup that changed since is refused");
        server.advance(Duration.ofMinutes(6));
        try {
            ApiClient.Response stale = client.send("POST", "/api/backup/rotation", rotated, "If-Match", etag);
            assertEquals(403, stale.status());
            assertEquals("reauthentication_required", stale.error());
            assertEquals(2, client.get("/api/backup/versions").json().path("versions").size(), "nothing changed");
            assertEquals(200, Accounts.signIn(client, kit.authenticator()).status());
            ApiClient.Response done = client.send("POST", "/api/backup/rotation", rotated, "If-Match", etag);
            assertEquals(200, done.status(), done.text());
        } finally {
            server.advance(Duration.ofMinutes(-6));
        }
        ObjectNode versions = client.get("/api/backup/versions").json();
        assertEquals(1, versions.path("versions").size(), versions.toString());
        assertArrayEquals(rotated, client.get("/api/backup").body());
        assertEquals(404, client.get("/api/backup/versions/1").status(), "the old versions are gone");
        assertTrue(client.get("/api/activity").text().contains("keys_rotated"));
    }

    private static byte[] bytes(ObjectNode envelope) {
        return envelope.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A stolen session cookie cannot swap in a slot with a key of its own choosing: a write whose header changes
     * the lineage, the slots or the key chain needs a passkey sign-in within the last 5 minutes, like a rotation,
     * and changes nothing before it. Writing the same header with new content needs only the session, and so does
     * creating the backup.
     */
    @Test
    void aWriteThatChangesTheHeadersKeysNeedsARecentSignIn() throws Exception {
        Accounts.Signed lou = Accounts.create(server, "Lou");
        ApiClient client = lou.client();
        ObjectNode header = Envelopes.header();
        header.put("lineage", Base64Url.encode(new byte[16]));
        server.advance(Duration.ofMinutes(6));
        try {
            ApiClient.Response created = create(client, bytes(Envelopes.envelope(header, 100).put("fob", 4)));
            assertEquals(201, created.status(), "creating needs no recent sign-in: " + created.text());
            byte[] sameHeader = bytes(Envelopes.envelope(header, 200).put("fob", 4));
            ApiClient.Response same = client.put("/api/backup", sameHeader, "If-Match", created.header("ETag"));
            assertEquals(200, same.status(), "the same header, new content: " + same.text());
            String etag = same.header("ETag");

            ObjectNode slot = header.deepCopy();
            ((ObjectNode) slot.path("slots").get(0)).put("wrappedKey", Base64Url.encode(new byte[48]));
            ObjectNode lineage = header.deepCopy();
            lineage.put("lineage", Base64Url.encode(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6}));
            ObjectNode chain = header.deepCopy();
            chain.putArray("previousKeys").addObject().put("nonce", Base64Url.encode(new byte[12]))
                    .put("wrappedKey", Base64Url.encode(new byte[48]));
            for (ObjectNode changed : List.of(slot, lineage, chain)) {
                ApiClient.Response refused = client.put("/api/backup",
                        bytes(Envelopes.envelope(changed, 100).put("fob", 4)), "If-Match", etag);
                assertEquals(403, refused.status(), changed.toString());
                assertEquals("reauthentication_required", refused.error());
            }
            ApiClient.Response stale = client.put("/api/backup", bytes(Envelopes.envelope(slot, 100).put("fob", 4)),
                    "If-Match", created.header("ETag"));
            assertEquals(412, stale.status(), "a write of a version that is no longer current is a 412 as ever");
            ApiClient.Response current = client.get("/api/backup");
            assertArrayEquals(sameHeader, current.body(), "nothing was written");
            assertEquals(etag, current.header("ETag"));
            assertEquals(2, client.get("/api/backup/versions").json().path("versions").size());
            assertEquals(2, client.get("/api/activity").text().split("backup_written", -1).length - 1);

            assertEquals(200, Accounts.signIn(client, lou.authenticator()).status());
            byte[] changed = bytes(Envelopes.envelope(slot, 100).put("fob", 4));
            ApiClient.Response done = client.put("/api/backup", changed, "If-Match", etag);
            assertEquals(200, done.status(), "after a fresh sign-in: " + done.text());
            assertArrayEquals(changed, client.get("/api/backup").body());
        } finally {
            server.advance(Duration.ofMinutes(-6));
        }
    }

    @Test
    void oneAccountCannotReadOrOverwriteAnothersBackup() throws Exception {
        ApiClient ann = Accounts.create(server, "Gus").client();
        ApiClient bob = Accounts.create(server, "Hal").client();
        byte[] secret = Envelopes.ofSize(800);
        String etag = create(ann, secret).header("ETag");

        assertEquals(404, bob.get("/api/backup").status());
        assertEquals(404, bob.get("/api/backup/versions/1").status());
        assertEquals(0, bob.get("/api/backup/versions").json().path("versions").size());
        assertEquals(412, bob.put("/api/backup", Envelopes.ofSize(100), "If-Match", etag).status());
        assertEquals(404, bob.delete("/api/backup").status());
        assertEquals(201, create(bob, Envelopes.ofSize(100)).status());

        assertArrayEquals(secret, ann.get("/api/backup").body(), "Ann's backup is untouched");
        ApiClient stranger = server.client();
        assertEquals(401, stranger.get("/api/backup").status());
        assertEquals(401, stranger.put("/api/backup", Envelopes.ofSize(100), "If-None-Match", "*").status());
        assertEquals(401, stranger.get("/api/activity").status());
    }

    @Test
    void ofConcurrentWritersOfTheSameVersionExactlyOneWins() throws Exception {
        ApiClient client = Accounts.create(server, "Ivy").client();
        String etag = create(client, Envelopes.ofSize(500)).header("ETag");
        int writers = 12;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                tasks.add(() -> client.put("/api/backup", Envelopes.ofSize(700), "If-Match", etag).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(tasks)) {
                statuses.add(result.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(writers - 1, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
        assertEquals(2, client.get("/api/backup/versions").json().path("versions").size());
    }

    @Test
    void theActivityListShowsWritesRestoresAndDeletesWithTheirAddress() throws Exception {
        ApiClient client = Accounts.create(server, "Jon").client();
        create(client, Envelopes.ofSize(300));
        assertEquals(200, client.get("/api/backup").status(), "a plain read (a pull) is not an event");
        assertEquals(200, client.get("/api/backup?restore=1").status());
        assertEquals(200, client.get("/api/backup/versions/" + client.get("/api/backup").header("ETag")
                .replace("\"", "") + "?restore=1").status());
        client.delete("/api/backup");
        ObjectNode activity = client.get("/api/activity").json();
        List<String> kinds = new ArrayList<>();
        activity.path("events").forEach(event -> kinds.add(event.path("kind").asString()));
        assertEquals(List.of("backup_deleted", "version_read_to_restore", "backup_read_to_restore", "backup_written",
                "account_created"), kinds);
        assertEquals("127.0.0.1", activity.path("events").get(0).path("address").asString());
        assertTrue(activity.path("events").get(0).path("at").asLong() > 0);
    }
}
