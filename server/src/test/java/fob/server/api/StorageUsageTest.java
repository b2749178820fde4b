package fob.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fob.server.testing.Accounts;
import fob.server.testing.ApiClient;
import fob.server.testing.Envelopes;
import fob.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * The running total of stored backup bytes (storage_usage), which the server's quota reads instead of summing
 * every version, stays equal to what the versions hold through every way versions come and go; so does each
 * version's stored size.
 */
class StorageUsageTest {
    private static long query(TestServer server, String sql) throws Exception {
        try (Connection db = server.database(); Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void assertTotal(TestServer server, String after) throws Exception {
        long stored = query(server, "SELECT COALESCE(SUM(LENGTH(body)), 0) FROM backup_versions");
        assertEquals(stored, query(server, "SELECT total_bytes FROM storage_usage WHERE id = 1"), after);
        assertEquals(0, query(server, "SELECT COUNT(*) FROM backup_versions WHERE size <> LENGTH(body)"),
                after + ": every version's stored size is its body's");
    }

    /**
     * Writes {@code count} versions of one new header (which needs a recent sign-in, after the first), each of a
     * different size; returns the last ETag.
     */
    private static String write(ApiClient client, String etag, int count, int ciphertext) throws Exception {
        ObjectNode header = Envelopes.header();
        for (int i = 0; i < count; i++) {
            byte[] body = Envelopes.envelope(header, ciphertext + 97 * i).toString().getBytes(StandardCharsets.UTF_8);
            ApiClient.Response written = etag == null ? client.put("/api/backup", body, "If-None-Match", "*")
                    : client.put("/api/backup", body, "If-Match", etag);
            assertEquals(etag == null ? 201 : 200, written.status(), written.text());
            etag = written.header("ETag");
        }
        return etag;
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void theTotalIsWhatTheVersionsHoldThroughWritesTrimsRotationsAndDeletions(TestServer.Database database)
            throws Exception {
        try (TestServer server = TestServer.start(database, "--history=3", "--account-max-bytes=60000",
                "--rate-limit=0")) {
            assertTotal(server, "empty");
            Accounts.Signed ann = Accounts.create(server, "Ann");
            Accounts.Signed bob = Accounts.create(server, "Bob");
            Accounts.Signed cy = Accounts.create(server, "Cy");

            // The history's newest 3 and each day's last: older versions dropped on each write.
            String annTag = write(ann.client(), null, 5, 2000);
            server.advance(Duration.ofDays(1));
            assertEquals(200, Accounts.signIn(ann.client(), ann.authenticator()).status());
            annTag = write(ann.client(), annTag, 4, 3000);
            assertTotal(server, "after writes that drop older versions");
            // Large writes past the account's quota: earlier versions trimmed.
            annTag = write(ann.client(), annTag, 3, 15_000);
            assertTotal(server, "after writes trimmed to the account's quota");

            String bobTag = write(bob.client(), null, 4, 1500);
            assertEquals(200, Accounts.signIn(bob.client(), bob.authenticator()).status());
            ApiClient.Response rotated = bob.client().send("POST", "/api/backup/rotation", Envelopes.ofSize(1200),
                    "If-Match", bobTag);
            assertEquals(200, rotated.status(), rotated.text());
            assertTotal(server, "after a rotation");

            String cyTag = write(cy.client(), null, 3, 1000);
            assertEquals(200, Accounts.signIn(cy.client(), cy.authenticator()).status());
            ApiClient.Response history = cy.client().delete("/api/backup/versions");
            assertEquals(200, history.status(), history.text());
            assertTotal(server, "after a history deletion");
            write(cy.client(), cyTag, 2, 800);
            ApiClient.Response backup = cy.client().delete("/api/backup");
            assertEquals(204, backup.status(), backup.text());
            assertTotal(server, "after a backup deletion");

            assertEquals(200, Accounts.signIn(ann.client(), ann.authenticator()).status());
            ApiClient.Response account = ann.client().delete("/api/account");
            assertEquals(204, account.status(), account.text());
            assertTotal(server, "after an account deletion");
            assertEquals(query(server, "SELECT COALESCE(SUM(LENGTH(body)), 0) FROM backup_versions WHERE"
                    + " account_id = '" + bob.accountId() + "'"),
                    query(server, "SELECT total_bytes FROM storage_usage"), "Bob's rotated backup is all that is left");
        }
    }
}
