package fob.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.server.testing.Accounts;
import fob.server.testing.ApiClient;
import fob.server.testing.Envelopes;
import fob.server.testing.TestServer;
import fob.server.web.Base64Url;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Deleting the recovery account: nothing of it is left, for the API or in the database. */
class AccountDeletionTest {
    private static final String NAME = "Zelda's recovery 7f3a";

    /** What identifies the account in storage: its name, its passkey's id, a stretch of its backup. */
    private record Traces(String accountId, String name, byte[] credentialId, String backupStretch) {
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void everyEndpointRefusesItsSessionAndPasskeyAndItsBytesAreGone(TestServer.Database database) throws Exception {
        try (TestServer server = TestServer.start(database)) {
            Accounts.Signed zelda = Accounts.create(server, NAME);
            Accounts.Signed other = Accounts.create(server, "Someone else");
            ApiClient client = zelda.client();
            byte[] backup = Envelopes.ofSize(6000);
            assertEquals(201, client.put("/api/backup", backup, "If-None-Match", "*").status());
            String etag = client.get("/api/backup").header("ETag");
            assertEquals(200, client.put("/api/backup", Envelopes.ofSize(6000), "If-Match", etag).status());
            assertEquals(201, other.client().put("/api/backup", Envelopes.ofSize(2000), "If-None-Match", "*")
                    .status());
            String text = new String(backup, StandardCharsets.UTF_8);
            int middle = text.indexOf("\"ciphertext\"") + 100;
            Traces traces = new Traces(zelda.accountId(), NAME, zelda.authenticator().credentials().get(0).id,
                    text.substring(middle, middle + 48));
            ApiClient secondDevice = server.client();
            assertEquals(200, Accounts.signIn(secondDevice, zelda.authenticator()).status());
            assertTrue(found(server, database, traces), "the test looks for what is really there");

            server.advance(Duration.ofMinutes(6));
            ApiClient.Response stale = client.delete("/api/account");
            assertEquals(403, stale.status());
            assertEquals("reauthentication_required", stale.error());
            assertEquals(200, Accounts.signIn(client, zelda.authenticator()).status());
            ApiClient.Response deleted = client.delete("/api/account");
            assertEquals(204, deleted.status(), deleted.text());
            assertTrue(deleted.header("Set-Cookie").contains("Max-Age=0"), "the browser forgets its session");

            for (ApiClient device : List.of(client, secondDevice)) {
                assertFalse(device.get("/api/session").signedIn(), "signed out");
                for (String path : List.of("/api/backup", "/api/backup/versions", "/api/passkeys",
                        "/api/sessions", "/api/activity")) {
                    assertEquals(401, device.get(path).status(), path);
                }
                assertEquals(401, device.put("/api/backup", Envelopes.ofSize(1000), "If-None-Match", "*").status());
                assertEquals(401, device.delete("/api/account").status());
            }
            ApiClient.Response signIn = Accounts.signIn(server.client(), zelda.authenticator());
            assertEquals(401, signIn.status());
            assertEquals("unknown_credential", signIn.error());

            assertFalse(found(server, database, traces), "nothing of the account is left");
            assertEquals(200, other.client().get("/api/backup").status(), "other accounts are untouched");
        }
    }

    private static boolean found(TestServer server, TestServer.Database database, Traces traces) throws Exception {
        return database == TestServer.Database.SQLITE ? inFiles(server.dataDir(), traces) : inTables(server, traces);
    }

    /** SQLite: the bytes of the database, its write-ahead log and its shared memory, searched raw. */
    private static boolean inFiles(Path dataDir, Traces traces) throws Exception {
        List<byte[]> needles = List.of(traces.name().getBytes(StandardCharsets.UTF_8), traces.credentialId(),
                Base64Url.encode(traces.credentialId()).substring(0, 12).getBytes(StandardCharsets.UTF_8),
                traces.backupStretch().getBytes(StandardCharsets.UTF_8));
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dataDir)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            for (byte[] needle : needles) {
                if (indexOf(content, needle) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * PostgreSQL: every table, searched for the account's name, passkey and backup. (Its files keep dead rows
     * until VACUUM reuses their space; docs/security.md says so.)
     */
    private static boolean inTables(TestServer server, Traces traces) throws Exception {
        try (Connection db = server.database()) {
            return count(db, "SELECT COUNT(*) FROM accounts WHERE name = ?", traces.name())
                    + count(db, "SELECT COUNT(*) FROM passkeys WHERE credential_id = ?", traces.credentialId())
                    + count(db, "SELECT COUNT(*) FROM sessions WHERE credential_id = ?", traces.credentialId())
                    + count(db, "SELECT COUNT(*) FROM backup_versions WHERE position(convert_to(?, 'UTF8') IN body) > 0",
                            traces.backupStretch())
                    + count(db, "SELECT COUNT(*) FROM activity WHERE detail LIKE ?",
                            "%" + Base64Url.encode(traces.credentialId()).substring(0, 12) + "%")
                    + count(db, "SELECT COUNT(*) FROM challenges WHERE name = ?", traces.name())
                    + count(db, "SELECT COUNT(*) FROM rate_limits WHERE bucket = ?", "account:" + traces.accountId())
                    + count(db, "SELECT COUNT(*) FROM accounts WHERE id = ?", traces.accountId()) > 0;
        }
    }

    private static long count(Connection db, String sql, Object... parameters) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
