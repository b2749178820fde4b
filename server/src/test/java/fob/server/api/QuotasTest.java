package fob.server.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.server.testing.Accounts;
import fob.server.testing.ApiClient;
import fob.server.testing.Envelopes;
import fob.server.testing.TestServer;
import fob.server.web.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Each quota, reached: its error, and nothing changed. */
class QuotasTest {
    private static List<Long> versions(ApiClient client) throws Exception {
        List<Long> versions = new ArrayList<>();
        for (JsonNode version : client.get("/api/backup/versions").json().path("versions")) {
            versions.add(version.path("version").asLong());
        }
        return versions;
    }

    private static int events(ApiClient client) throws Exception {
        return client.get("/api/activity").json().path("events").size();
    }

    @Test
    void newRecoveryAccountsPerAddressPerHour() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Database.SQLITE, "--accounts-per-hour=2")) {
            Accounts.create(server, "One");
            Accounts.create(server, "Two");
            ApiClient client = server.client();
            ApiClient.Response refused = client.post("/api/register/options", Json.object().put("name", "Three"));
            assertEquals(429, refused.status());
            assertEquals("too_many_accounts", refused.error());
            long retryAfter = Long.parseLong(refused.header("Retry-After"));
            assertTrue(retryAfter > 60 && retryAfter <= 1801, "half an hour at 2 an hour: " + retryAfter);
            assertEquals(200, client.post("/api/signin/options", Json.object()).status(), "signing in is not an"
                    + " account");
            server.advance(Duration.ofSeconds(retryAfter));
            Accounts.create(server, "Three");
        }
    }

    @Test
    void anAccountKeepsItsQuotaByLettingTheOldestHistoryGo() throws Exception {
        byte[] version = Envelopes.ofSize(4000);
        int size = version.length;
        try (TestServer server = TestServer.start(TestServer.Database.SQLITE, "--backup-max-bytes=65536",
                "--account-max-bytes=" + (size * 5 / 2))) {
            ApiClient client = Accounts.create(server, "Ann").client();
            String etag = client.put("/api/backup", Envelopes.ofSize(4000), "If-None-Match", "*").header("ETag");
            etag = client.put("/api/backup", Envelopes.ofSize(4000), "If-Match", etag).header("ETag");
            assertEquals(List.of(2L, 1L), versions(client));
            ApiClient.Response third = client.put("/api/backup", version, "If-Match", etag);
            assertEquals(200, third.status(), third.text());
            assertEquals(List.of(3L, 2L), versions(client), "version 1 made room");

            int eventsBefore = events(client);
            ApiClient.Response tooLarge = client.put("/api/backup", Envelopes.ofSize(12_000), "If-Match",
                    third.header("ETag"));
            assertEquals(507, tooLarge.status(), tooLarge.text());
            assertEquals("account_storage_full", tooLarge.error());
            assertTrue(tooLarge.json().path("message").asString().contains(Integer.toString(size * 5 / 2)));
            assertEquals(List.of(3L, 2L), versions(client));
            assertArrayEquals(version, client.get("/api/backup").body());
            assertEquals(eventsBefore, events(client));
        }
    }

    @Test
    void allAccountsTogetherStayUnderTheServersQuota() throws Exception {
        int size = Envelopes.ofSize(4000).length;
        try (TestServer server = TestServer.start(TestServer.Database.SQLITE, "--storage-max-bytes=" + (size * 3))) {
            ApiClient ann = Accounts.create(server, "Ann").client();
            ApiClient bob = Accounts.create(server, "Bob").client();
            assertEquals(201, ann.put("/api/backup", Envelopes.ofSize(4000), "If-None-Match", "*").status());
            byte[] bobsBackup = Envelopes.ofSize(4000);
            String etag = bob.put("/api/backup", bobsBackup, "If-None-Match", "*").header("ETag");
            assertEquals(200, bob.put("/api/backup", bobsBackup, "If-Match", etag).status(), "three versions fit");
            etag = bob.get("/api/backup").header("ETag");
            int eventsBefore = events(bob);

            ApiClient.Response full = bob.put("/api/backup", Envelopes.ofSize(4000), "If-Match", etag);
            assertEquals(507, full.status(), full.text());
            assertEquals("server_storage_full", full.error());
            assertEquals(etag, bob.get("/api/backup").header("ETag"));
            assertEquals(List.of(2L, 1L), versions(bob));
            assertEquals(eventsBefore, events(bob));
            ApiClient.Response fresh = server.client().post("/api/register/options", Json.object().put("name", "x"));
            assertEquals(200, fresh.status(), "the quota is on bytes, not on accounts");

            assertEquals(204, ann.delete("/api/backup").status());
            assertEquals(200, bob.put("/api/backup", Envelopes.ofSize(4000), "If-Match", etag).status(),
                    "room again once Ann deleted hers");
        }
    }

    @Test
    void theDefaultAccountQuotaHoldsAFullHistory() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Database.SQLITE, "--backup-max-bytes=8192",
                "--history=3")) {
            ApiClient client = Accounts.create(server, "Ann").client();
            String etag = client.put("/api/backup", Envelopes.ofSize(8000), "If-None-Match", "*").header("ETag");
            for (int i = 0; i < 3; i++) {
                ApiClient.Response written = client.put("/api/backup", Envelopes.ofSize(8000), "If-Match", etag);
                assertEquals(200, written.status(), written.text());
                etag = written.header("ETag");
            }
            assertEquals(List.of(4L, 3L, 2L), versions(client));
        }
    }
}
